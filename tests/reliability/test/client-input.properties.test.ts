// Bad input is refused before any request, with a one-line message naming the parameter
// and the value; good input reaches the testkit server as the same value (round trip).
import { Vbm365ApiError, Vbm365ValidationError, type Vbm365Client } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor } from "./support/clients.js";
import { spiedClient } from "./support/fetch-spy.js";
import { alignDown, ticksOfUtc, unitOf, utc7, writeInstant, TICKS_PER_MS } from "./support/instants.js";

const REFUSALS = 300; // runs of each "refused" property (no network: cheap)
const ROUND_TRIPS = 100; // runs of each round trip (one loopback request each)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT32_MAX = 2 ** 31 - 1;

const { client: spied, sent } = spiedClient();

/** `run` must throw Vbm365ValidationError naming `parameter` and `value` in one line, and send nothing. */
async function refused(parameter: string, value: unknown, run: () => unknown): Promise<void> {
  let error: unknown;
  try {
    await run();
  } catch (caught) {
    error = caught;
  }
  expect(error, `${parameter}=${String(value)} was accepted`).toBeInstanceOf(Vbm365ValidationError);
  const message = (error as Error).message;
  expect(message.startsWith(`${parameter}: `), message).toBe(true);
  const shown = typeof value === "string" ? JSON.stringify(value) : value instanceof Date ? "Invalid Date" : String(value);
  expect(message).toContain(shown);
  expect(message).not.toContain("\n");
  expect(sent).toEqual([]);
}

/** Anything JS callers may pass that is not a whole number in range. */
const notWholeNumber = fc.oneof(
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.string(),
  fc.constantFrom(null, true, "10"),
);
const badLimit = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 10_001 }), notWholeNumber);
const badId = fc.oneof(
  fc.string().filter((text) => !UUID.test(text)),
  // Almost a uuid: one character changed, dropped or added.
  fc
    .tuple(fc.uuid(), fc.nat(35), fc.constantFrom("g", "-", "", "00", " ", "Z"))
    .map(([id, at, put]) => id.slice(0, at) + put + id.slice(at + 1))
    .filter((text) => !UUID.test(text)),
);
const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, "0"));
const calendarDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const badDate = fc.oneof(
  // Not a date at all.
  fc.string().filter((text) => !/^\s*\d{4}-\d{2}-\d{2}/.test(text)),
  // A time without a zone: would be read in the caller's local zone.
  fc
    .tuple(calendarDate, two(0, 23), two(0, 59), fc.option(two(0, 59), { nil: undefined }))
    .map(([day, h, m, s]) => `${day}T${h}:${m}${s ? `:${s}` : ""}`),
  // A field out of range (hour 24 is ISO's end of day, so hours start at 25).
  fc
    .oneof(
      fc.tuple(fc.constant("2024"), fc.oneof(fc.constant("00"), two(13, 99)), two(1, 28), fc.constant("10"), fc.constant("00")),
      fc.tuple(fc.constant("2024"), two(1, 12), fc.oneof(fc.constant("00"), two(32, 99)), fc.constant("10"), fc.constant("00")),
      fc.tuple(fc.constant("2024"), two(1, 12), two(1, 28), two(25, 99), fc.constant("00")),
      fc.tuple(fc.constant("2024"), two(1, 12), two(1, 28), two(0, 23), two(60, 99)),
    )
    .map(([y, mo, d, h, mi]) => `${y}-${mo}-${d}T${h}:${mi}:00Z`),
  fc.constant(new Date(Number.NaN)),
);

describe("bad input is refused before any request (fast-check)", () => {
  it(`limit, and pageSize of iterate() and events() (${REFUSALS} runs each)`, async () => {
    await fc.assert(
      fc.asyncProperty(badLimit, async (limit) => {
        await refused("limit", limit, () => spied.restoreSessions.list({ limit: limit as number }));
        await refused("pageSize", limit, () => spied.restoreSessions.iterate({ pageSize: limit as number }));
        await refused("pageSize", limit, () =>
          spied.restoreSessions.events("b7f43a7f-3508-4d04-8ec2-ece6944e916b", { pageSize: limit as number }),
        );
      }),
      { numRuns: REFUSALS },
    );
  });

  it(`offset (${REFUSALS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ max: -1 }), notWholeNumber), async (offset) => {
        await refused("offset", offset, () => spied.restoreSessions.list({ offset: offset as number }));
      }),
      { numRuns: REFUSALS },
    );
  });

  it(`ids of get, stop, events, event and organization (${REFUSALS} runs)`, async () => {
    const good = "b7f43a7f-3508-4d04-8ec2-ece6944e916b";
    await fc.assert(
      fc.asyncProperty(badId, async (id) => {
        const api = spied.restoreSessions;
        await refused("id", id, () => api.get(id));
        await refused("id", id, () => api.stop(id));
        await refused("id", id, () => api.events(id));
        await refused("id", id, () => api.organization(id));
        await refused("id", id, () => api.event(id, good));
        await refused("eventId", id, () => api.event(good, id));
      }),
      { numRuns: REFUSALS },
    );
  });

  it(`startTimeFrom and startTimeTo of list() and iterate() (${REFUSALS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(badDate, async (date) => {
        await refused("startTimeFrom", date, () => spied.restoreSessions.list({ startTimeFrom: date }));
        await refused("startTimeTo", date, () => spied.restoreSessions.list({ startTimeTo: date }));
        await refused("startTimeFrom", date, () => spied.restoreSessions.iterate({ startTimeFrom: date }));
      }),
      { numRuns: REFUSALS },
    );
  });

  it(`a window whose start is after its end (${REFUSALS} runs)`, async () => {
    const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true });
    await fc.assert(
      fc.asyncProperty(instant, fc.integer({ min: 1, max: 10 ** 9 }), async (to, later) => {
        const from = new Date(to.getTime() + later).toISOString();
        await refused("startTimeFrom", from, () => spied.restoreSessions.list({ startTimeFrom: from, startTimeTo: to.toISOString() }));
      }),
      { numRuns: REFUSALS },
    );
  });

  it("an impossible calendar day (2024-02-30, 2023-02-29) is refused, not moved to the next month", async () => {
    const impossible = fc
      .oneof(
        fc.tuple(
          fc.integer({ min: 1990, max: 2090 }),
          fc.constantFrom(["02", 30], ["02", 31], ["04", 31], ["06", 31], ["09", 31], ["11", 31]),
        ),
        // February 29th of a year that is not a leap year.
        fc
          .integer({ min: 1990, max: 2090 })
          .filter((year) => new Date(Date.UTC(year, 1, 29)).getUTCDate() !== 29)
          .map((year) => [year, ["02", 29]] as const),
      )
      .map(([year, [month, day]]) => `${year}-${month}-${day}T10:00:00Z`);
    await fc.assert(
      fc.asyncProperty(impossible, (date) => refused("startTimeFrom", date, () => spied.restoreSessions.list({ startTimeFrom: date }))),
      { numRuns: REFUSALS },
    );
  });

  it(`an offset above int32 (the spec's format; the server would answer 400) (${REFUSALS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }), (offset) =>
        refused("offset", offset, () => spied.restoreSessions.list({ offset })),
      ),
      { numRuns: REFUSALS },
    );
  });

  it(`a date with more than 7 fractional digits (the server reads at most 7 and answers 400) (${REFUSALS} runs)`, async () => {
    const tooFine = fc
      .tuple(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 8, max: 12 }),
        fc.nat(9),
      )
      .map(([date, digits, last]) => `${date.toISOString().slice(0, 19)}.${"0".repeat(digits - 1)}${last}Z`);
    await fc.assert(
      fc.asyncProperty(tooFine, async (date) => {
        await refused("startTimeTo", date, () => spied.restoreSessions.list({ startTimeTo: date }));
        await refused("startTimeFrom", date, () => spied.restoreSessions.iterate({ startTimeFrom: date }));
      }),
      { numRuns: REFUSALS },
    );
  });
});

describe("good input round-trips through the testkit server (fast-check)", () => {
  let server: TestServer;
  let vbm: Vbm365Client;
  let sessionTicks: bigint[];

  beforeAll(async () => {
    server = await startTestServer({ sessions: 240, seed: 11 });
    vbm = clientFor(server);
    sessionTicks = [...server.data.sessionIds()].map((id) => ticksOfUtc(server.data.session(server.data.indexOf(id)).creationTime));
  });
  afterAll(() => server.close());

  it(`offset and limit come back in the envelope as sent (${ROUND_TRIPS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: INT32_MAX }), fc.integer({ min: 1, max: 10_000 }), async (offset, limit) => {
        const page = await vbm.restoreSessions.list({ offset, limit });
        expect([page.offset, page.limit]).toEqual([offset, limit]);
        expect(page.results.length).toBe(Math.max(0, Math.min(limit, 240 - offset)));
      }),
      { numRuns: ROUND_TRIPS },
    );
  });

  // A window whose ends sit on, just before or just after a session's start, written at any
  // precision (0-7 digits), offset and separator: the server must filter on the same instants.
  const boundary = fc.record({
    session: fc.nat(239),
    digits: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })),
    steps: fc.tuple(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })),
    offsets: fc.tuple(fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.integer({ min: -14 * 60, max: 14 * 60 })),
    zeroAsZ: fc.boolean(),
  });

  it(`startTimeFrom/startTimeTo at any precision and offset filter on the same UTC instant (${ROUND_TRIPS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(boundary, async ({ session, digits, steps, offsets, zeroAsZ }) => {
        const at = sessionTicks[session]!;
        const ends = [0, 1].map((i) => alignDown(at, digits[i]!) + BigInt(steps[i]!) * unitOf(digits[i]!));
        const [from, to] = ends[0]! <= ends[1]! ? [ends[0]!, ends[1]!] : [ends[1]!, ends[0]!];
        const [fromDigits, toDigits] = ends[0]! <= ends[1]! ? digits : [digits[1], digits[0]];
        const startTimeFrom = writeInstant(from, offsets[0]!, fromDigits!, "T", zeroAsZ);
        const startTimeTo = writeInstant(to, offsets[1]!, toDigits!, "T", zeroAsZ);
        const page = await vbm.restoreSessions.list({ startTimeFrom, startTimeTo, limit: 50 });
        const expected = [...server.data.sessionIds({ startTimeFrom: utc7(from), startTimeTo: utc7(to) })];
        expect(page.results.map((s) => s.id)).toEqual(expected);
      }),
      { numRuns: ROUND_TRIPS },
    );
  });

  it(`Date objects filter on their millisecond (${ROUND_TRIPS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(239), fc.integer({ min: -2, max: 2 }), async (session, step) => {
        const ms = Number(sessionTicks[session]! / TICKS_PER_MS) + step;
        const page = await vbm.restoreSessions.list({ startTimeTo: new Date(ms), limit: 3 });
        const expected = [...server.data.sessionIds({ startTimeTo: new Date(ms) })].slice(0, 3);
        expect(page.results.map((s) => s.id)).toEqual(expected);
      }),
      { numRuns: ROUND_TRIPS },
    );
  });

  it(`any uuid reaches the server as sent: a known one answers, an unknown one is a 404 naming it (${ROUND_TRIPS} runs)`, async () => {
    const ids = [...server.data.sessionIds()];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uuid(),
          fc.constantFrom(...ids),
          fc.constantFrom(...ids).map((id) => id.toUpperCase()),
        ),
        async (id) => {
          const known = server.data.indexOf(id.toLowerCase()) >= 0;
          const answer = await vbm.restoreSessions.get(id).catch((error: unknown) => error);
          if (known) expect((answer as { id: string }).id).toBe(id.toLowerCase());
          else {
            expect(answer).toBeInstanceOf(Vbm365ApiError);
            expect((answer as Vbm365ApiError).status).toBe(404);
            expect((answer as Error).message).toContain(id);
          }
        },
      ),
      { numRuns: ROUND_TRIPS },
    );
  });
});
