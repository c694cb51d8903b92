// Time windows and filters, compared with the ids the testkit says a window holds.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "./run-cli.js";
import { parseFormat } from "./rows.js";
import { sessionsOf, startServer, tokenEnv, type TestServer } from "./testkit-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(1500);
});
afterAll(() => server?.close());

async function ids(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const result = await runCli(["sessions", ...args, "--format", "ndjson", "--page-size", "100"], { env: { ...tokenEnv(server), ...env } });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return parseFormat("ndjson", result.stdout).map((row) => row.id!);
}

const HOUR = 3600_000;

/** `date` as local wall-clock text in a fixed offset zone, without the offset: what a user types. */
function wallClock(date: Date, offsetMinutes: number): string {
  return new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

describe("time window", () => {
  test("--since 24h: exactly the sessions started in the last 24 hours", async () => {
    const before = Date.now();
    const actual = await ids(["--since", "24h"]);
    const after = Date.now();
    // The CLI reads the clock between `before` and `after`; a session may sit on the edge.
    const widest = [...server.data.sessionIds({ startTimeFrom: new Date(before - 24 * HOUR) })];
    const narrowest = [...server.data.sessionIds({ startTimeFrom: new Date(after - 24 * HOUR) })];
    expect(narrowest.length).toBeGreaterThan(80);
    expect(actual.slice(0, narrowest.length)).toEqual(narrowest);
    expect(widest.slice(0, actual.length)).toEqual(actual);
  });

  test("--from/--to in local time (no offset) are converted to UTC before filtering", async () => {
    const now = Date.now();
    const from = new Date(Math.floor((now - 30 * HOUR) / 60_000) * 60_000);
    const to = new Date(Math.floor((now - 20 * HOUR) / 60_000) * 60_000);
    // Kolkata is UTC+05:30 all year: a wrong conversion shifts the window by 5.5 h (22 sessions).
    const actual = await ids(["--from", wallClock(from, 330), "--to", wallClock(to, 330)], { TZ: "Asia/Kolkata" });
    const expected = [...server.data.sessionIds({ startTimeFrom: from, startTimeTo: to })];
    expect(expected.length).toBeGreaterThan(30);
    expect(actual).toEqual(expected);
  });

  test("--from/--to with an explicit offset", async () => {
    const from = new Date(Date.now() - 50 * HOUR);
    const to = new Date(Date.now() - 40 * HOUR);
    const text = (date: Date) => `${wallClock(date, -300)}:00-05:00`;
    const actual = await ids(["--from", text(from), "--to", text(to)]);
    const floor = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);
    expect(actual).toEqual([...server.data.sessionIds({ startTimeFrom: floor(from), startTimeTo: floor(to) })]);
  });
});

describe("filters", () => {
  const window = () => ({ startTimeFrom: new Date(Date.now() - 7 * 24 * HOUR) });

  test("--type with aliases and a comma list", async () => {
    const actual = await ids(["--since", "7d", "--type", "exchange,Vet"]);
    const expected = sessionsOf(server, window()).filter(({ session }) => session.type === "Vex" || session.type === "Vet");
    expect(expected.length).toBeGreaterThan(10);
    expect(actual).toEqual(expected.map(({ session }) => session.id));
  });

  test("--result and --state", async () => {
    const failed = await ids(["--since", "7d", "--result", "failed"]);
    expect(failed).toEqual(
      sessionsOf(server, window())
        .filter(({ session }) => session.result === "Failed")
        .map(({ session }) => session.id),
    );
    expect(failed.length).toBeGreaterThan(5);
    const working = await ids(["--all", "--state", "Working"]);
    expect(working).toEqual(
      sessionsOf(server)
        .filter(({ session }) => session.state === "Working")
        .map(({ session }) => session.id),
    );
    expect(working.length).toBeGreaterThan(5);
  });

  test("--initiated-by matches part of the initiator, ignoring case", async () => {
    const sample = sessionsOf(server, window()).find(({ session }) => session.initiatedBy?.includes("@"))!.session.initiatedBy!;
    const part = sample.split("@")[0]!.toUpperCase();
    const actual = await ids(["--since", "7d", "--initiated-by", part]);
    const expected = sessionsOf(server, window()).filter(({ session }) => session.initiatedBy?.toLowerCase().includes(part.toLowerCase()));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(sessionsOf(server, window()).length);
    expect(actual).toEqual(expected.map(({ session }) => session.id));
  });
});
