// How window loads are bounded: rounded bounds share a load, a load
// nobody waits for stops, at most `maxLoads` windows load at once, and one window may hold
// only so much (the answer names a narrower window to try).
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestoreSession } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer, type SessionsResponse } from "../src/server/index.js";
import { sessionsInWindow } from "./support/expected.js";
import { windowSource } from "./support/source.js";

const page = { "x-dashboard-request": "1" };
const minute = 60_000;
const day = 24 * 60 * minute;
let vbm: TestServer;
const started: DashboardServer[] = [];

beforeAll(async () => {
  vbm = await startTestServer({ sessions: 40_000, seed: 21 });
});
afterAll(async () => {
  await Promise.all(started.map((server) => server.close()));
  await vbm?.close();
});

async function dashboardFor(options: Parameters<typeof startDashboardServer>[0]): Promise<DashboardServer> {
  const server = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, log: () => undefined, ...options });
  started.push(server);
  return server;
}

function windowPath(from: number, to: number): string {
  return `/api/sessions?${new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), limit: "500" })}`;
}

async function getJson(server: DashboardServer, path: string): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(new URL(path, server.url), { headers: page });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** A source whose window loads wait until released, recording each load's signal. */
function heldSource() {
  const loads: { from: Date; signal: AbortSignal; release: (sessions: RestoreSession[]) => void }[] = [];
  const source = windowSource(
    (from, _to, signal) =>
      new Promise((resolve, reject) => {
        loads.push({ from, signal, release: resolve });
        signal.addEventListener("abort", () => reject(signal.reason));
      }),
  );
  return { source, loads };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  // A bound for hangs only: each condition holds within milliseconds when the code works.
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 20_000) throw new Error(`Still waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("window bounds are rounded", () => {
  it("two views seconds apart share one load from VBM365, and each counts only its own window", async () => {
    const dashboard = await dashboardFor({});
    // Both ends inside one 5-minute step (the step of a 3-day window).
    const end = Math.floor(Date.now() / (5 * minute)) * 5 * minute - 10 * minute + 10_000;
    vbm.stats.reset();
    const first = await getJson(dashboard, windowPath(end - 3 * day, end));
    const requestsForFirst = vbm.stats.requests;
    expect(requestsForFirst).toBeGreaterThan(0);
    const second = await getJson(dashboard, windowPath(end - 3 * day + 20_000, end + 20_000));
    expect(vbm.stats.requests).toBe(requestsForFirst);
    for (const [answer, shift] of [
      [first, 0],
      [second, 20_000],
    ] as const) {
      expect(answer.status).toBe(200);
      const expected = sessionsInWindow(vbm, new Date(end - 3 * day + shift), new Date(end + shift));
      expect((answer.body as SessionsResponse).inWindow).toBe(expected.length);
    }
  });
});

describe("a load nobody waits for", () => {
  it("is aborted when its only request closes", async () => {
    const { source, loads } = heldSource();
    const dashboard = await dashboardFor({ source });
    const url = new URL(windowPath(Date.now() - day, Date.now()), dashboard.url);
    const req = request(url, { headers: page });
    req.on("error", () => undefined);
    req.end();
    await until(() => loads.length === 1, "the load to start");
    expect(loads[0]!.signal.aborted).toBe(false);
    req.destroy();
    await until(() => loads[0]!.signal.aborted, "the load to be aborted");
  });

  it("stops the walk through VBM365", async () => {
    const dashboard = await dashboardFor({});
    // Each page takes 300 ms: a 200-day window (20 pages) would go on for seconds.
    const slowPages = vbm.faults.inject({
      kind: "delayHeaders",
      delayMs: 300,
      times: Infinity,
      match: { path: /^\/v[678]\/RestoreSessions/i },
    });
    try {
      vbm.stats.reset();
      const req = request(new URL(windowPath(Date.now() - 200 * day, Date.now()), dashboard.url), { headers: page });
      req.on("error", () => undefined);
      req.end();
      await until(() => vbm.stats.requests > 0, "the walk to start");
      req.destroy();
      // The close reaches the walk within a page or so, later on a busy machine; then no page may follow.
      // A walk left running asks for about 5 more pages in the 1.5 s watched below.
      await sleep(800);
      const afterAbort = vbm.stats.requests;
      await sleep(1500);
      expect(vbm.stats.requests).toBe(afterAbort);
      expect(afterAbort).toBeLessThan(20);
      // Every page was slow: without it the walk could end before the close and prove nothing.
      expect(slowPages.fired).toBe(afterAbort);
    } finally {
      vbm.faults.clear();
    }
  });
});

describe("concurrent loads", () => {
  it("beyond maxLoads are answered 429 with Retry-After, before any call to VBM365", async () => {
    const { source, loads } = heldSource();
    const dashboard = await dashboardFor({ source, windows: { maxLoads: 2 } });
    const now = Date.now();
    const pending = [0, 1].map((shift) => getJson(dashboard, windowPath(now - (shift + 2) * day, now)));
    await until(() => loads.length === 2, "two loads to start");
    const refused = await getJson(dashboard, windowPath(now - 9 * day, now));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.body.error).toMatch(/already reading 2 windows from VBM365; try again in a few seconds/);
    // The same window as a load in flight joins it instead.
    const joined = getJson(dashboard, windowPath(now - 2 * day, now));
    for (const load of loads) load.release([]);
    expect((await Promise.all([...pending, joined])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(loads).toHaveLength(2);
  });
});

describe("what one window may hold", () => {
  it("a window over the cap is refused with a narrower one to try, which then loads", async () => {
    const dashboard = await dashboardFor({ windowCaps: { sessions: 200 } });
    const to = Date.now();
    const tooLarge = await getJson(dashboard, windowPath(to - 7 * day, to));
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.error).toMatch(/holds more than 200 sessions, the most the dashboard keeps for one window; choose a narrower one/);
    const { from, to: narrowerTo } = tooLarge.body.narrower as { from: string; to: string };
    expect(Date.parse(narrowerTo)).toBe(to);
    expect(Date.parse(from)).toBeGreaterThan(to - 7 * day);
    const narrower = await getJson(dashboard, windowPath(Date.parse(from), Date.parse(narrowerTo)));
    expect(narrower.status).toBe(200);
    expect(narrower.body.inWindow).toBe(sessionsInWindow(vbm, new Date(from), new Date(narrowerTo)).length);
  });

  it("counts bytes too, so a few huge sessions cannot fill the memory", async () => {
    const dashboard = await dashboardFor({ windowCaps: { bytes: 64 * 1024 } });
    const answer = await getJson(dashboard, windowPath(Date.now() - 7 * day, Date.now()));
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatch(/holds more than 64 kB of sessions/);
  });
});
