// Text written by anyone (mail subjects, file names, initiators) is inert in the HTML:
// script injection does not run, formulas and controls are only text, and the layout holds.
// The CSP meta is removed for this test, so escaping alone is what is proven.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import { aggregateReport, renderReportHtml, type ReportInput } from "../src/index.js";
import { browserAvailable, launchBrowser, openOffline } from "./support/browser.js";

const runBrowser = browserAvailable();

// The formula cells of the CLI's hostile tests, the controls and bidi marks of the
// reliability properties, and markup that would run or restructure the page if unescaped.
const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\tleading tab",
  "\rleading CR",
  "esc \u001b[2J clear",
  "bell \u0007 c1 \u009b csi",
  "del \u007f",
  "\u202eevil override",
  "\u2066isolate\u2069",
  "<script>window.__pwned = 'script'</script>",
  "<img src=x onerror=\"window.__pwned = 'img'\">",
  '"><svg onload="window.__pwned = \'svg\'"></svg>',
  "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
  "</td></tr></tbody></table><h1>injected heading</h1><table><tr><td>",
  "<style>body { display: none }</style>",
  "javascript:alert(1)",
  "x".repeat(600),
  "漢字 wide letters",
];

function inputs(): ReportInput[] {
  return HOSTILE.map((text, i) => {
    const session: RestoreSession = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      type: "Vex",
      state: "Stopped",
      result: "Success",
      creationTime: `2026-11-29T${String(i % 24).padStart(2, "0")}:00:00Z`,
      name: text,
      initiatedBy: text,
      clientHost: text,
      organization: text,
    };
    const event: RestoreSessionEvent = {
      id: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      type: "Restore",
      status: "Success",
      message: text,
      startTime: `2026-11-29T${String(i % 24).padStart(2, "0")}:01:00Z`,
      order: 2,
      itemName: text,
      itemType: text,
      itemSizeBytes: 1000 + i,
      source: text,
      target: text,
    };
    return { server: text, session, events: [event] };
  });
}

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let folder: string;

describe.runIf(runBrowser)("hostile text in the HTML report (chromium)", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), "vbm365-report-hostile-"));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("runs no script, adds no element, keeps the layout, and shows the text as text", async () => {
    const report = await aggregateReport(inputs(), { generator: { tool: "<b>tool</b>", version: "<i>1</i>", how: "<script>x</script>" } });
    const html = await renderReportHtml(report, { csvFileName: "<script>.csv" });
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    const path = join(folder, "hostile.html");
    writeFileSync(path, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
    const { page, errors, requests } = await openOffline(browser.context, path);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator("script, iframe, img, main style, body style").count()).toBe(0);
    expect(await page.locator("h1").allInnerTexts()).toEqual(["Restore audit report"]);
    expect(await page.locator("table.actions tbody tr").count()).toBe(HOSTILE.length);
    expect(await page.locator("table.actions tbody tr td").count()).toBe(HOSTILE.length * 14);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe("block");
    // Nothing wider than the window: no horizontal scrolling from a long or reordered name.
    const wide = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        if (range.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          found.push(`${node.parentElement?.tagName}: ${node.textContent?.slice(0, 40)}`);
      }
      return found.slice(0, 5);
    });
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const cells = await page.locator("table.actions tbody tr td:nth-child(4)").allInnerTexts();
    expect(cells).toContain("<script>window.__pwned = 'script'</script>");
    expect(cells).toContain('=HYPERLINK("http://evil.example","x")');
    expect(cells).toContain("U+202Eevil override");
    expect(cells.some((cell) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(cell))).toBe(false);
    await page.close();
  });
});
