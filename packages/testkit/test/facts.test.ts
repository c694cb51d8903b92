// Facts of time the schema cannot see: nothing ends after "now", a Working session has no
// end, and every event of a session lies within it. Checked over several seeds, over the
// default reference time (the start-up clock), after Stop and after new sessions arrive.
import { describe, expect, it } from "vitest";
import { startTestServer, type RestoreSession, type TestServer } from "../src/index.js";
import { parseInstant, TICKS_PER_MS } from "../src/time.js";
import { call, NOW } from "./helpers.js";

/** Ticks (100 ns) of a date-time: bigint, since a double cannot hold them exactly. */
function ticks(text: string | null | undefined): bigint {
  const value = parseInstant(text ?? "");
  if (value === undefined) throw new Error(`not a date-time: ${text}`);
  return value;
}

const msToTicks = (ms: number) => BigInt(ms) * TICKS_PER_MS;
/** The wall clock read now, to the end of its millisecond (the server's clock is finer). */
const wallNow = () => Date.now() + 1;
/** Down and up to the millisecond, the precision event times are written in. */
const floorMs = (t: bigint) => (t / TICKS_PER_MS) * TICKS_PER_MS;
const ceilMs = (t: bigint) => ((t + TICKS_PER_MS - 1n) / TICKS_PER_MS) * TICKS_PER_MS;

/** Every way a session and its events break the facts of time, as of `now` (ms). */
function timeProblems(server: TestServer, index: number, nowMs: number): string[] {
  const now = msToTicks(nowMs);
  const session: RestoreSession = server.data.session(index);
  const out: string[] = [];
  const say = (what: string) => out.push(`session ${index} (${session.state}, ${session.creationTime} - ${session.endTime}): ${what}`);
  const start = ticks(session.creationTime);
  if (start > now) say("starts after now");
  if (session.state === "Working" && session.endTime != null) say("is Working but has an endTime");
  if (session.state === "Stopped" && session.endTime == null) say("is Stopped without an endTime");
  const end = session.endTime == null ? now : ticks(session.endTime);
  if (end > now) say("ends after now");
  if (end < start) say("ends before it starts");
  // Event times carry milliseconds (as the vendor writes them): compare at that precision.
  const [first, last] = [floorMs(start), ceilMs(end)];
  for (const event of server.data.events(index)) {
    const eventStart = ticks(event.startTime);
    const eventEnd = event.endTime == null ? undefined : ticks(event.endTime);
    if (eventStart < first || eventStart > last) say(`event ${event.order} starts at ${event.startTime}, outside the session`);
    if (eventEnd !== undefined && (eventEnd < eventStart || eventEnd > last))
      say(`event ${event.order} ends at ${event.endTime}, outside the session or before its start`);
    if (event.status === "Running" && (session.state !== "Working" || eventEnd !== undefined))
      say(`event ${event.order} is Running with an end or in a stopped session`);
  }
  return out;
}

function allProblems(server: TestServer, count: number, now: number): string[] {
  return Array.from({ length: count }, (_, i) => timeProblems(server, i, now)).flat();
}

describe("facts of time", () => {
  it.each([1, 2, 3, 9, 42])("hold for the newest 400 sessions of seed %i at a fixed reference time", async (seed) => {
    const server = await startTestServer({ sessions: 400, seed, now: NOW });
    try {
      expect(allProblems(server, 400, Date.parse(NOW))).toEqual([]);
      // The newest sessions are the ones that could run into "now": some of them are still Working.
      const states = Array.from({ length: 400 }, (_, i) => server.data.session(i).state);
      expect(states).toContain("Working");
      expect(states).toContain("Stopped");
    } finally {
      await server.close();
    }
  });

  it("hold against the wall clock when the reference time is the start-up time", async () => {
    const server = await startTestServer({ sessions: 200, seed: 4 });
    try {
      expect(allProblems(server, 200, wallNow())).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("hold after every Working session is stopped: each ends by the time of its Stop", async () => {
    const server = await startTestServer({ sessions: 300, seed: 6 });
    try {
      const working = Array.from({ length: 300 }, (_, i) => i).filter((i) => server.data.session(i).state === "Working");
      expect(working.length).toBeGreaterThan(2);
      for (const i of working) {
        const before = Date.now();
        expect((await call(server, `/v6/RestoreSessions/${server.data.session(i).id}/Stop`, { method: "POST" })).status).toBe(200);
        const stopped = server.data.session(i);
        expect(stopped.state).toBe("Stopped");
        // The server's clock is its start's Date.now() (whole milliseconds) plus hrtime since,
        // so it may trail Date.now() by under a millisecond.
        expect(ticks(stopped.endTime)).toBeGreaterThanOrEqual(msToTicks(before - 1));
        expect(ticks(stopped.endTime)).toBeLessThanOrEqual(msToTicks(wallNow()));
      }
      expect(allProblems(server, 300, wallNow())).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("hold for sessions that arrive later: they start by the time they were added", async () => {
    const server = await startTestServer({ sessions: 50, seed: 8 });
    try {
      server.addSessions(3);
      server.addSessions(2);
      expect(server.data.sessionCount()).toBe(55);
      expect(allProblems(server, 55, wallNow())).toEqual([]);
      const times = Array.from({ length: 55 }, (_, i) => ticks(server.data.session(i).creationTime));
      expect(times.every((t, i) => i === 0 || t < times[i - 1]!)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
