// A session's `details`, its item events and its v8 Statistics tell the same story, checked
// over many seeds and every session of each: finished, Working, and stopped through the API.
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { call, NOW } from "./helpers.js";

type Counts = Record<string, number>;

/** "94 items processed (72 success, 10 warning, ...)" as { processed: 94, success: 72, ... }. */
function parseDetails(details: string): Counts {
  const match = /^(\d+) items? processed(?: \((.+)\))?$/.exec(details);
  if (!match) throw new Error(`details not understood: ${details}`);
  const counts: Counts = { processed: Number(match[1]) };
  for (const part of match[2]?.split(", ") ?? []) {
    const [n, word] = part.split(" ");
    counts[word!] = Number(n);
  }
  return counts;
}

/** What `details` should say, counted from the served item events (Running is not processed). */
function fromEvents(server: TestServer, index: number): { expected: Counts; running: number } {
  const items = server.data.events(index).filter((event) => event.type !== "None");
  const expected: Counts = { processed: 0 };
  let running = 0;
  for (const { status } of items) {
    if (status === "Running") running++;
    else {
      expected.processed!++;
      expected[status.toLowerCase()] = (expected[status.toLowerCase()] ?? 0) + 1;
    }
  }
  return { expected, running };
}

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));
async function server(seed: number): Promise<TestServer> {
  const started = await startTestServer({ sessions: 120, seed, now: NOW });
  servers.push(started);
  return started;
}

function checkSession(s: TestServer, index: number): { counts: Counts; running: number } {
  const session = s.data.session(index);
  const counts = parseDetails(session.details ?? "");
  const { expected, running } = fromEvents(s, index);
  expect({ id: session.id, counts }).toEqual({ id: session.id, counts: expected });
  // Only a Working session has an item still running, and at most one.
  expect(running).toBeLessThanOrEqual(session.state === "Working" ? 1 : 0);
  if (session.state === "Stopped") {
    const result = counts.failed ? "Failed" : counts.warning || counts.cancelled ? "Warning" : "Success";
    expect({ id: session.id, result: session.result }).toEqual({ id: session.id, result });
  }
  return { counts, running };
}

describe("details agree with the item events", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("every session of seed %i", async (seed) => {
    const s = await server(seed);
    const states = new Set<string>();
    for (let index = 0; index < 120; index++) {
      checkSession(s, index);
      states.add(s.data.session(index).state);
    }
    // Both states are covered by every seed (key 1 is always Working).
    expect([...states].sort()).toEqual(["Stopped", "Working"]);
  });

  it("seed 8's big session names skipped and cancelled items as themselves", async () => {
    const s = await startTestServer({ seed: 8 });
    servers.push(s);
    const index = [...s.data.sessionIds()].findIndex((id) => id.startsWith("277c3baa"));
    expect(s.data.session(index).details).toBe("94 items processed (72 success, 10 warning, 9 failed, 2 skipped, 1 cancelled)");
    checkSession(s, index);
  });
});

describe("details agree with v8 Statistics", () => {
  it.each([3, 8, 21])("every session of seed %i, and the Working ones once stopped through the API", async (seed) => {
    const s = await server(seed);
    const ids = [...s.data.sessionIds()];
    const statisticsAgree = async (index: number) => {
      const { counts, running } = checkSession(s, index);
      const answer = await call(s, `/v8/RestoreSessions/${ids[index]}/Statistics`);
      expect(answer.status).toBe(200);
      const { totalItemsCount, restoredItemsCount, failedItemsCount, skippedItemsCount } = answer.body;
      expect({ id: ids[index], totalItemsCount, restoredItemsCount, failedItemsCount, skippedItemsCount }).toEqual({
        id: ids[index],
        totalItemsCount: counts.processed! + running,
        restoredItemsCount: (counts.success ?? 0) + (counts.warning ?? 0),
        failedItemsCount: counts.failed ?? 0,
        skippedItemsCount: counts.skipped ?? 0,
      });
    };
    const working = ids.map((_, index) => index).filter((index) => s.data.session(index).state === "Working");
    expect(working.length).toBeGreaterThan(0);
    for (let index = 0; index < ids.length; index++) await statisticsAgree(index);
    for (const index of working) {
      expect((await call(s, `/v6/RestoreSessions/${ids[index]}/Stop`, { method: "POST" })).status).toBe(200);
      expect(s.data.session(index).state).toBe("Stopped");
      await statisticsAgree(index);
    }
  });
});
