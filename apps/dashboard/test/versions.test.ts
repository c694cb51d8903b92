// The dashboard against a v6-only, a v7-only and a v8 testkit server: it speaks the newest
// version each serves ("auto"), lists and shows sessions on each, and shows v8's statistics
// as the server computes them; on v6/v7 the statistics route says so without asking VBM365.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import type { ApiVersion } from "@vbm365/client";
import {
  startDashboardServer,
  type DashboardServer,
  type SessionDetailsResponse,
  type SessionsResponse,
  type StatisticsResponse,
  type VersionResponse,
} from "../src/server/index.js";
import { sessionsInWindow } from "./support/expected.js";

const now = Date.now();
const from = new Date(now - 3 * 24 * 3600_000).toISOString();
const to = new Date(now + 3600_000).toISOString();

async function get<T>(server: DashboardServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, server.url), { headers: { "x-dashboard-request": "1", ...headers } });
  return { status: response.status, body: (await response.json()) as T };
}

/** The testkit's own Statistics answer for a session, read directly (not through the dashboard). */
async function serverStatistics(vbm: TestServer, id: string) {
  const response = await fetch(`${vbm.url}/v8/RestoreSessions/${id}/Statistics`, { headers: { Authorization: `Bearer ${vbm.token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    totalItemsCount: number;
    restoredItemsCount: number;
    failedItemsCount: number;
    skippedItemsCount: number;
    warnings?: unknown[];
    errors?: unknown[];
  };
}

/** The first session (newest first) whose events' statuses fit, so the counts are not all zero or all alike. */
function sessionWhere(vbm: TestServer, fits: (count: (status: string) => number) => boolean, what: string): number {
  const index = Array.from({ length: vbm.data.sessionCount() }, (_, i) => i).find((i) => {
    const statuses = vbm.data.events(i).map((event) => event.status);
    return fits((status) => statuses.filter((one) => one === status).length);
  });
  if (index === undefined) throw new Error(`The testkit data has no session ${what}; raise its session count.`);
  return index;
}

const sessionWith = (vbm: TestServer, status: string) => sessionWhere(vbm, (count) => count(status) > 0, `with a ${status} item`);

const servers: { versions: ApiVersion[]; speaks: ApiVersion }[] = [
  { versions: ["v6"], speaks: "v6" },
  { versions: ["v7"], speaks: "v7" },
  { versions: ["v6", "v7", "v8"], speaks: "v8" },
];

describe.each(servers)("against a testkit serving $versions", ({ versions, speaks }) => {
  let vbm: TestServer;
  let dashboard: DashboardServer;

  beforeAll(async () => {
    vbm = await startTestServer({ sessions: 120, seed: 23, versions });
    dashboard = await startDashboardServer({ target: { url: vbm.url, auth: vbm.credentials } });
  });

  afterAll(async () => {
    await dashboard?.close();
    await vbm?.close();
  });

  it(`speaks ${speaks}, found by asking the server, and says so on /api/version`, async () => {
    const { status, body } = await get<VersionResponse>(dashboard, "/api/version");
    expect(status).toBe(200);
    expect(body).toEqual({ apiVersion: speaks, setting: "auto" });
  });

  it("lists the window's sessions through that version's paths", async () => {
    vbm.requestLog.length = 0;
    const { status, body } = await get<SessionsResponse>(dashboard, `/api/sessions?${new URLSearchParams({ from, to, limit: "500" })}`);
    expect(status).toBe(200);
    const expected = sessionsInWindow(vbm, new Date(from), new Date(to));
    expect(expected.length).toBeGreaterThan(100);
    expect(body.rows.map((row) => row.id).sort()).toEqual(expected.map((session) => session.id).sort());
    const answered = vbm.requestLog.filter((record) => record.status === 200).map((record) => record.path);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.filter((path) => !path.startsWith(`/${speaks}/`))).toEqual([]);
  });

  it("shows a session and its events as that version serves them", async () => {
    const index = sessionWith(vbm, "Failed");
    const session = vbm.data.session(index, speaks);
    const { status, body } = await get<SessionDetailsResponse>(dashboard, `/api/sessions/${session.id}`);
    expect(status).toBe(200);
    const { _links, ...withoutLinks } = session;
    expect(body.session).toEqual(withoutLinks);
    expect(body.events.map((event) => [event.id, event.status])).toEqual(
      vbm.data.events(index, speaks).map((event) => [event.id, event.status]),
    );
  });

  if (speaks === "v8") {
    it("shows the statistics the server computed, for sessions with failed, skipped, warned and running items", async () => {
      // Failed and skipped counts that differ, both ways, so no two counts can be swapped unseen.
      const indices = [
        sessionWhere(vbm, (count) => count("Failed") > count("Skipped"), "with more failed than skipped items"),
        sessionWhere(vbm, (count) => count("Skipped") > count("Failed"), "with more skipped than failed items"),
        sessionWith(vbm, "Warning"),
        sessionWith(vbm, "Running"),
      ];
      const rows = [];
      for (const index of indices) {
        const id = vbm.data.session(index).id;
        const { status, body } = await get<StatisticsResponse>(dashboard, `/api/sessions/${id}/statistics`);
        expect(status).toBe(200);
        const server = await serverStatistics(vbm, id);
        expect(body).toEqual({
          available: true,
          apiVersion: "v8",
          statistics: {
            totalItemsCount: server.totalItemsCount,
            restoredItemsCount: server.restoredItemsCount,
            failedItemsCount: server.failedItemsCount,
            skippedItemsCount: server.skippedItemsCount,
            warningsCount: server.warnings?.length ?? 0,
            errorsCount: server.errors?.length ?? 0,
          },
        });
        rows.push(server);
      }
      // The sample is worth something only if the counts differ from zero somewhere.
      expect(rows.some((row) => row.failedItemsCount > 0)).toBe(true);
      expect(rows.some((row) => row.skippedItemsCount > 0)).toBe(true);
      expect(rows.some((row) => row.restoredItemsCount > 0)).toBe(true);
    });

    it("answers 404 for statistics of a session the server does not have", async () => {
      const { status, body } = await get<{ error: string }>(dashboard, "/api/sessions/00000000-0000-4000-8000-000000000000/statistics");
      expect(status).toBe(404);
      expect(body.error).toBe("No restore session with that id on the VBM365 server.");
    });
  } else {
    it(`answers that statistics need v8, without a request to the ${speaks} server`, async () => {
      await get<VersionResponse>(dashboard, "/api/version"); // the probe is done (and kept) before the log is emptied
      vbm.requestLog.length = 0;
      const id = vbm.data.session(sessionWith(vbm, "Failed")).id;
      const { status, body } = await get<StatisticsResponse>(dashboard, `/api/sessions/${id}/statistics`);
      expect(status).toBe(200);
      expect(body).toEqual({
        available: false,
        apiVersion: speaks,
        message: `Statistics (items restored, failed, skipped) need a VBM365 server with REST API v8; it serves ${speaks}.`,
      });
      expect(vbm.requestLog).toEqual([]);
    });
  }
});

describe("VBM365_API_VERSION pins the version", () => {
  let full: TestServer;
  let v6Only: TestServer;

  beforeAll(async () => {
    [full, v6Only] = await Promise.all([
      startTestServer({ sessions: 20, seed: 3 }),
      startTestServer({ sessions: 20, seed: 3, versions: ["v6"] }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([full?.close(), v6Only?.close()]);
  });

  it("pinned to v6 on a v8 server: speaks v6, and no request at all for statistics (no probe either)", async () => {
    const dashboard = await startDashboardServer({ target: { url: full.url, auth: { token: full.token }, apiVersion: "v6" } });
    try {
      full.requestLog.length = 0;
      expect((await get<VersionResponse>(dashboard, "/api/version")).body).toEqual({ apiVersion: "v6", setting: "v6" });
      const statistics = await get<StatisticsResponse>(dashboard, `/api/sessions/${full.data.session(0).id}/statistics`);
      expect(statistics.body).toMatchObject({
        available: false,
        apiVersion: "v6",
        message: expect.stringContaining("VBM365_API_VERSION pins v6"),
      });
      expect(full.requestLog).toEqual([]);
    } finally {
      await dashboard.close();
    }
  });

  it("pinned to v8 on a v6-only server: the listing names the setting to check, not a missing session", async () => {
    const dashboard = await startDashboardServer({
      target: { url: v6Only.url, auth: { token: v6Only.token }, apiVersion: "v8" },
      log: () => {},
    });
    try {
      const { status, body } = await get<{ error: string }>(dashboard, `/api/sessions?${new URLSearchParams({ from, to })}`);
      expect(status).toBe(502);
      expect(body.error).toMatch(
        /does not serve this REST API version's restore sessions at VBM365_URL \(HTTP 404\)\. Check VBM365_URL, or VBM365_API_VERSION/,
      );
    } finally {
      await dashboard.close();
    }
  });
});
