// With an archive, the dashboard's windows reach past what the server still has.
import { syncArchive } from "@vbm365/archive";
import { createVbm365Client } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDashboardServer, type DashboardServer, type SessionDetailsResponse, type SessionsResponse } from "../src/server/index.js";

const NOW = new Date(Date.now() - 3600_000).toISOString();
let before: TestServer; // the server's history as it was when synced
let live: TestServer; // the same server after its retention removed the oldest sessions
let dashboard: DashboardServer;
let broken: DashboardServer;
const logLines: string[] = [];

async function get(server: DashboardServer, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, server.url), { headers: { "x-dashboard-request": "1" } });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  before = await startTestServer({ sessions: 200, seed: 4, now: NOW });
  live = await startTestServer({ sessions: 50, seed: 4, now: NOW });
  const dir = mkdtempSync(join(tmpdir(), "vbm365-dashboard-archive-"));
  const archive = join(dir, "archive.db");
  await syncArchive(archive, createVbm365Client({ baseUrl: before.url, auth: { token: before.token }, apiVersion: "auto" }));
  const target = { url: live.url, auth: { token: live.token } };
  dashboard = await startDashboardServer({ target, archive, log: (line) => logLines.push(line) });
  writeFileSync(join(dir, "broken.db"), "not an archive ".repeat(100));
  broken = await startDashboardServer({ target, archive: join(dir, "broken.db"), log: (line) => logLines.push(line) });
});

afterAll(async () => {
  await Promise.all([dashboard?.close(), broken?.close(), before?.close(), live?.close()]);
});

describe("the dashboard on an archive", () => {
  it("shows every archived session of a window, also those the server no longer has", async () => {
    const from = new Date(Date.parse(NOW) - 30 * 86_400_000).toISOString();
    const to = new Date(Date.parse(NOW) + 86_400_000).toISOString();
    const { status, body } = await get(dashboard, `/api/sessions?${new URLSearchParams({ from, to, limit: "500" })}`);
    expect(status).toBe(200);
    const data = body as SessionsResponse;
    expect(data.inWindow).toBe(200);
    expect(new Set(data.rows.map((row) => row.id))).toEqual(new Set([...before.data.sessionIds({})]));
  });

  it("shows a pruned session's events from the archive", async () => {
    const oldest = before.data.session(199);
    const { status, body } = await get(dashboard, `/api/sessions/${oldest.id}`);
    expect(status).toBe(200);
    const details = body as SessionDetailsResponse;
    expect(details.session.id).toBe(oldest.id);
    expect(details.events.map((event) => event.id)).toEqual(before.data.events(199).map((event) => event.id));
  });

  it("answers 503 with what to do when the archive cannot be read, and logs why", async () => {
    const from = new Date(Date.parse(NOW) - 86_400_000).toISOString();
    const { status, body } = await get(broken, `/api/sessions?${new URLSearchParams({ from, to: NOW })}`);
    expect([status, body.error ?? body.message]).toEqual([
      503,
      expect.stringMatching(/restore archive \(VBM365_ARCHIVE\) cannot be read.*archive sync/),
    ]);
    expect(logLines.join("\n")).toMatch(/broken\.db is not an SQLite database/);
  });
});
