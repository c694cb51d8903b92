// The Report view in chromium: the same five charts as the HTML report, placed as SVG under
// the page's strict CSP with no console error, and the button that downloads the HTML file.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer } from "../src/server/index.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";

const runBrowser = browserAvailable();
const CHARTS = ["operators-by-actions", "operators-by-size", "objects-by-actions", "actions-over-time", "services-over-time"];

let vbm: TestServer;
let dashboard: DashboardServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

describe.runIf(runBrowser)("the Report view in chromium", () => {
  beforeAll(async () => {
    vbm = await startTestServer({ sessions: 300, seed: 13 });
    dashboard = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, log: () => {} });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await vbm?.close();
  });

  it("shows every chart with its numbers, and downloads the HTML report", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${dashboard.url}?window=7d`);
    await page.locator("#report-toggle").click();
    await page.locator("#report-services-over-time svg").waitFor();
    expect(await page.locator("#report-toggle").getAttribute("aria-expanded")).toBe("true");
    for (const id of CHARTS) {
      const chart = page.locator(`#report-${id}`);
      expect(await chart.getAttribute("aria-label"), id).toMatch(/chart/);
      expect(await chart.locator("svg path, svg rect").count(), id).toBeGreaterThan(5);
      const box = await chart.locator("svg").boundingBox();
      expect(box!.width * box!.height, id).toBeGreaterThan(10_000);
      expect(await page.locator(`table[data-chart="${id}"] tbody tr`).count(), id).toBeGreaterThan(0);
    }
    const downloaded = page.waitForEvent("download");
    await page.locator("#report-download").click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^restore-report-.+\.html$/);
    const html = readFileSync((await download.path())!, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    for (const id of CHARTS) expect(html).toContain(`id="${id}"`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
