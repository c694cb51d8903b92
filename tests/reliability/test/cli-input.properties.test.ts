// The audit CLI's flags, property-tested on the BUILT CLI (a child process per run, so the
// counts are small): bad values exit 64 with one line naming the flag and send no request;
// good windows and page sizes list exactly the sessions the server filters for.
import { startTestServer, type TestServer } from "@vbm365/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "./support/cli.js";
import { alignDown, ticksOfUtc, unitOf, utc7, writeInstant } from "./support/instants.js";

const BAD_RUNS = 12;
const GOOD_RUNS = 10;
let server: TestServer;
let sessionTicks: bigint[];

beforeAll(async () => {
  server = await startTestServer({ sessions: 200, seed: 21 });
  sessionTicks = [...server.data.sessionIds()].map((id) => ticksOfUtc(server.data.session(server.data.indexOf(id)).creationTime));
});
afterAll(() => server.close());

const env = () => ({ VBM365_URL: server.url, VBM365_TOKEN: server.token });
const word = fc.stringMatching(/^[a-z0-9:.+-]{1,10}$/);

/** A bad command line and the flag its message must name. */
const badCommandLine = fc.oneof(
  fc
    .oneof(
      fc.constantFrom("0", "10001", "1.5", "-3", "1e3", ""),
      word.filter((w) => !/^\d+$/.test(w) || Number(w) < 1 || Number(w) > 10000),
    )
    .map((value) => ({ args: ["sessions", `--page-size=${value}`], flag: "--page-size" })),
  word.filter((w) => !/^(\d+[wdhms])+$/.test(w)).map((value) => ({ args: ["sessions", `--since=${value}`], flag: "--since" })),
  fc
    .oneof(word, fc.constantFrom("2024-02-30", "2023-02-29T10:00Z", "2024-13-01", "2024-01-01T25:00Z"))
    .filter((w) => !/^\d{4}-\d{2}-\d{2}/.test(w) || /02-30|02-29|13-01|T25/.test(w))
    .map((value) => ({ args: ["report", `--from=${value}`], flag: "--from" })),
  word
    .filter((w) => !/^(vex|exchange|veod|onedrive|vesp|sharepoint|vet|teams)$/i.test(w))
    .map((value) => ({ args: ["sessions", `--type=${value}`], flag: "--type" })),
  word.filter((w) => !/^(success|warning|failed)$/i.test(w)).map((value) => ({ args: ["check", `--result=${value}`], flag: "--result" })),
  word.filter((w) => !/^(table|json|ndjson|csv)$/i.test(w)).map((value) => ({ args: ["sessions", `--format=${value}`], flag: "--format" })),
  // A positional starting with "-" is read as an option (and refused as one), not as an id.
  word.filter((w) => !w.startsWith("-")).map((value) => ({ args: ["events", value], flag: "session id" })),
);

describe("audit CLI flags (fast-check, built CLI)", () => {
  it(`refuses bad values with exit 64 and one line naming the flag, before any request (${BAD_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(badCommandLine, async ({ args, flag }) => {
        server.stats.reset();
        const run = await runAudit(args, env());
        const isCheck = args[0] === "check"; // monitoring output: UNKNOWN on stdout, exit 3
        expect(run.code, run.stderr).toBe(isCheck ? 3 : 64);
        const message = isCheck ? run.stdout : run.stderr;
        expect(message.trim().split("\n"), message).toHaveLength(1);
        expect(message).toContain(flag);
        expect(message).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
        expect(server.stats.requests).toBe(0);
      }),
      { numRuns: BAD_RUNS, endOnFailure: true },
    );
  });

  // --from/--to written at any offset with 0-3 fractional digits, sitting on, just before
  // or just after a session's start; any page size.
  it(`lists exactly the sessions of a --from/--to window, at any page size (${GOOD_RUNS} runs)`, async () => {
    const window = fc.record({
      first: fc.nat(199),
      span: fc.nat(6),
      digits: fc.integer({ min: 0, max: 3 }),
      steps: fc.tuple(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })),
      offsets: fc.tuple(fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.integer({ min: -14 * 60, max: 14 * 60 })),
      pageSize: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10_000 })),
    });
    await fc.assert(
      fc.asyncProperty(window, async ({ first, span, digits, steps, offsets, pageSize }) => {
        // Newest first: the window's start is an older session than its end.
        const newer = sessionTicks[first]!;
        const older = sessionTicks[Math.min(199, first + span)]!;
        const from = alignDown(older, digits) + BigInt(steps[0]) * unitOf(digits);
        const to = alignDown(newer, digits) + BigInt(steps[1]) * unitOf(digits);
        const [start, end] = from <= to ? [from, to] : [to, from];
        const args = [
          "sessions",
          `--from=${writeInstant(start, offsets[0], digits)}`,
          `--to=${writeInstant(end, offsets[1], digits)}`,
          "--format=ndjson",
          `--page-size=${pageSize}`,
        ];
        const run = await runAudit(args, env());
        expect(run.code, run.stderr).toBe(0);
        const ids = run.stdout
          .split("\n")
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { id: string }).id);
        expect(ids).toEqual([...server.data.sessionIds({ startTimeFrom: utc7(start), startTimeTo: utc7(end) })]);
      }),
      { numRuns: GOOD_RUNS, endOnFailure: true },
    );
  });

  it("--from/--to with sub-millisecond digits filter on the exact instant (one tick after a session leaves it out)", async () => {
    // A session whose start has sub-millisecond digits; --from one tick after it must exclude it.
    const index = sessionTicks.findIndex((ticks) => ticks % 10_000n !== 9_999n && ticks % 10_000n !== 0n);
    const after = sessionTicks[index]! + 1n;
    const run = await runAudit(["sessions", `--from=${utc7(after)}`, `--to=${utc7(after + 10_000_000n)}`, "--format=ndjson"], env());
    expect(run.code, run.stderr).toBe(0);
    const ids = run.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual([...server.data.sessionIds({ startTimeFrom: utc7(after), startTimeTo: utc7(after + 10_000_000n) })]);
  });

  // --from/--to written at any offset with 4-7 fractional digits: the server must see the same instants.
  it(`lists exactly the sessions of a --from/--to window written to 100 ns (6 runs)`, async () => {
    const window = fc.record({
      first: fc.nat(199),
      span: fc.nat(6),
      digits: fc.integer({ min: 4, max: 7 }),
      steps: fc.tuple(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })),
      offsets: fc.tuple(fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.integer({ min: -14 * 60, max: 14 * 60 })),
    });
    await fc.assert(
      fc.asyncProperty(window, async ({ first, span, digits, steps, offsets }) => {
        const newer = sessionTicks[first]!;
        const older = sessionTicks[Math.min(199, first + span)]!;
        const from = alignDown(older, digits) + BigInt(steps[0]) * unitOf(digits);
        const to = alignDown(newer, digits) + BigInt(steps[1]) * unitOf(digits);
        const [start, end] = from <= to ? [from, to] : [to, from];
        const run = await runAudit(
          [
            "sessions",
            `--from=${writeInstant(start, offsets[0], digits)}`,
            `--to=${writeInstant(end, offsets[1], digits)}`,
            "--format=ndjson",
          ],
          env(),
        );
        expect(run.code, run.stderr).toBe(0);
        const ids = run.stdout
          .split("\n")
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { id: string }).id);
        expect(ids).toEqual([...server.data.sessionIds({ startTimeFrom: utc7(start), startTimeTo: utc7(end) })]);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });
});
