// `npm start` the way the root README tells a newcomer to run it: it builds what it serves
// (turbo's cache makes that instant after the workspace's build), starts the mocks, the docs,
// a testkit server and the dashboard, and Ctrl-C stops them all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SessionDetailsResponse, SessionsResponse, StatisticsResponse } from "@vbm365/dashboard";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startJob, type Job } from "./support/process-group.js";
import { freePortRun, listening } from "./support/ports.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const DAY_MS = 24 * 3600_000;

/** The environment of a shell a person types `npm start` into: none of the variables npm,
 * pnpm and turbo set for this test run, and no VBM365_* (which would point the dashboard elsewhere). */
function shellEnv(ports: Record<string, number>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm_|turbo_|vbm365_)/i.test(name)) env[name] = value;
  }
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  return env;
}

const manifest = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8")) as { devDependencies?: Record<string, string> };
const workspacePackages = (deps: Record<string, string> = {}) => Object.keys(deps).filter((name) => deps[name]?.startsWith("workspace:"));

describe("what npm start builds", () => {
  // turbo builds a suite's dependencies before its tests; anything npm start builds that this
  // suite does not depend on would be built by the two turbo runs at once.
  it("is all among this suite's dependencies, so turbo has built it before the test runs", () => {
    const served = workspacePackages(manifest("package.json").devDependencies);
    expect(served.length).toBeGreaterThan(0);
    expect(workspacePackages(manifest("tests/first-run/package.json").devDependencies)).toEqual(expect.arrayContaining(served));
  });
});

describe("npm start", () => {
  let job: Job;
  let ports: { MOCK_PORT: number; DOCS_PORT: number; DASHBOARD_PORT: number; TESTKIT_PORT: number };
  const dashboard = (path: string) => fetch(`http://127.0.0.1:${ports.DASHBOARD_PORT}${path}`, { headers: { "X-Dashboard-Request": "1" } });

  beforeAll(async () => {
    const mock = await freePortRun(3);
    const [docs, dashboardPort, testkit] = [await freePortRun(1), await freePortRun(1), await freePortRun(1)];
    ports = { MOCK_PORT: mock, DOCS_PORT: docs, DASHBOARD_PORT: dashboardPort, TESTKIT_PORT: testkit };
    job = startJob("npm", ["start"], { cwd: repoRoot, env: shellEnv(ports) });
    await job.waitFor(/Ctrl-C stops everything/);
  });

  afterAll(() => {
    if (job?.groupAlive()) job.kill();
  });

  it("prints where each server listens", () => {
    const printed = job.output();
    expect(printed).toContain(`v6 http://127.0.0.1:${ports.MOCK_PORT}`);
    expect(printed).toContain(`v8 http://127.0.0.1:${ports.MOCK_PORT + 2}`);
    expect(printed).toContain(`API docs:            http://127.0.0.1:${ports.DOCS_PORT}/`);
    expect(printed).toContain(`Restore dashboard:   http://127.0.0.1:${ports.DASHBOARD_PORT}/`);
    expect(printed).toContain(`reads the testkit at http://127.0.0.1:${ports.TESTKIT_PORT}`);
  });

  it("serves the Prism mock of each version and the docs", async () => {
    for (const [index, version] of ["v6", "v7", "v8"].entries()) {
      const answer = await fetch(`http://127.0.0.1:${ports.MOCK_PORT + index}/${version}/RestoreSessions`, {
        headers: { Authorization: "Bearer x" },
      });
      expect(answer.status, `${version} mock`).toBe(200);
    }
    expect((await fetch(`http://127.0.0.1:${ports.DOCS_PORT}/`)).status).toBe(200);
  });

  it("shows sessions from the last 24 hours in the dashboard, with events and statistics", async () => {
    const to = new Date();
    const from = new Date(to.getTime() - DAY_MS);
    const answer = await dashboard(`/api/sessions?from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(answer.status).toBe(200);
    const sessions = (await answer.json()) as SessionsResponse;
    // One session every ~15 minutes up to now: about 96 in a day, never a handful.
    expect(sessions.inWindow).toBeGreaterThan(48);
    expect(sessions.timeline.buckets.filter((bucket) => bucket.total > 0).length).toBeGreaterThan(12);
    for (const row of sessions.rows) {
      const created = Date.parse(row.creationTime);
      expect(created).toBeGreaterThanOrEqual(from.getTime());
      expect(created).toBeLessThanOrEqual(to.getTime());
    }

    const finished = sessions.rows.find((row) => row.state !== "Working" && !/^0 items/.test(row.details ?? ""));
    expect(finished, "a finished session with items in the last 24 hours").not.toBeUndefined();
    const details = (await (await dashboard(`/api/sessions/${finished!.id}`)).json()) as SessionDetailsResponse;
    expect(details.events.length).toBeGreaterThan(2);
    const statistics = (await (await dashboard(`/api/sessions/${finished!.id}/statistics`)).json()) as StatisticsResponse;
    expect(statistics.available && statistics.statistics.totalItemsCount).toBeGreaterThan(0);
  });

  it("stops every process it started on Ctrl-C and frees every port", async () => {
    job.interrupt();
    const stopped = await eventually(() => !job.groupAlive(), 30_000);
    expect(stopped, `processes left running 30 s after Ctrl-C:\n${job.output()}`).toBe(true);
    const everyPort = [
      ports.MOCK_PORT,
      ports.MOCK_PORT + 1,
      ports.MOCK_PORT + 2,
      ports.DOCS_PORT,
      ports.DASHBOARD_PORT,
      ports.TESTKIT_PORT,
    ];
    const stillListening = [];
    for (const port of everyPort) if (await listening(port)) stillListening.push(port);
    expect(stillListening).toEqual([]);
  });
});
