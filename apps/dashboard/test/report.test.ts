// The Report view's routes against a testkit server: the aggregates equal a count made here
// from the server's data for the same window and filters, the charts come as SVG, the
// download is the HTML report, and bad parameters are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer } from "../src/server/index.js";
import type { ReportResponse } from "../src/shared/report-api.js";

let vbm: TestServer;
let dashboard: DashboardServer;
const from = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
const to = new Date(Date.now() + 3600_000).toISOString();

beforeAll(async () => {
  vbm = await startTestServer({ sessions: 200, seed: 12 });
  dashboard = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, log: () => {} });
});
afterAll(async () => {
  await dashboard?.close();
  await vbm?.close();
});

async function get(path: string): Promise<Response> {
  return fetch(new URL(path, dashboard.url), { headers: { "x-dashboard-request": "1" } });
}

/** Actions (non-None events) of the sessions that started in [from, to], of one type if given. */
function countActions(type?: string): number {
  let actions = 0;
  for (const id of vbm.data.sessionIds({ startTimeFrom: from, startTimeTo: to })) {
    const index = vbm.data.indexOf(id);
    if (type && vbm.data.session(index).type !== type) continue;
    actions += vbm.data.events(index).filter((event) => event.type && event.type !== "None").length;
  }
  return actions;
}

describe("/api/report", () => {
  it("answers the aggregates of the window and filters, and every chart as SVG", async () => {
    const before = countActions("Vex");
    const response = await get(`/api/report?${new URLSearchParams({ from, to, type: "Vex" })}`);
    const after = countActions("Vex");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReportResponse;
    expect(body.report.totals.actions).toBeGreaterThanOrEqual(before);
    expect(body.report.totals.actions).toBeLessThanOrEqual(after);
    expect(body.report.byService.map((entry) => entry.name)).toEqual(["Vex"]);
    expect(body.charts.map((chart) => chart.id)).toEqual([
      "operators-by-actions",
      "operators-by-size",
      "objects-by-actions",
      "actions-over-time",
      "services-over-time",
    ]);
    for (const chart of body.charts)
      expect(chart.svg, chart.id).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/);
  });

  it("/api/report/html is the HTML report as a download", async () => {
    const response = await get(`/api/report/html?${new URLSearchParams({ from, to })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="restore-report-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.html"$/,
    );
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("the dashboard&#39;s Report view, from the live server (REST API v8)");
  });

  it.each([
    ["action=Teleport", 400, /"action" must be one of Restore, Export, Send, Save, View/],
    ["color=red", 400, /Unknown query parameter "color"/],
    ["", 404, /No such report route/],
  ])("refuses %s", async (extra, status, message) => {
    const path = extra === "" ? "/api/report/pdf" : `/api/report?${new URLSearchParams({ from, to })}&${extra}`;
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });
});
