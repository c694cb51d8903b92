// A VBM365 server with a private CA: the dashboard refuses it without VBM365_CA_FILE's CA
// and works with it. There is no setting that turns certificate checks off.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer } from "../src/server/index.js";

let vbm: TestServer;
const dashboards: DashboardServer[] = [];
const logs: string[] = [];

beforeAll(async () => {
  vbm = await startTestServer({ sessions: 20, https: true });
});

afterAll(async () => {
  await Promise.all(dashboards.map((dashboard) => dashboard.close()));
  await vbm?.close();
});

async function sessionsStatus(ca: string | undefined): Promise<{ status: number; body: { error?: string; inWindow?: number } }> {
  const dashboard = await startDashboardServer({ target: { url: vbm.url, auth: vbm.credentials, ca }, log: (line) => logs.push(line) });
  dashboards.push(dashboard);
  const response = await fetch(new URL("/api/sessions", dashboard.url), { headers: { "x-dashboard-request": "1" } });
  return { status: response.status, body: (await response.json()) as { error?: string; inWindow?: number } };
}

it("refuses an HTTPS server whose CA it was not given", async () => {
  expect(vbm.url).toMatch(/^https:/);
  const { status, body } = await sessionsStatus(undefined);
  expect(status).toBe(502);
  expect(body.error).toMatch(/Could not reach the VBM365 server/);
});

it("reads the sessions with the CA", async () => {
  const { status, body } = await sessionsStatus(vbm.ca);
  expect(status).toBe(200);
  expect(body.inWindow).toBe([...vbm.data.sessionIds({ startTimeFrom: new Date(Date.now() - 24 * 3600_000) })].length);
  expect(logs.join("\n")).not.toContain(vbm.credentials.password);
});
