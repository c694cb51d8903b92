// The page in chromium against a v8 and a v6-only testkit server: the footer names the REST
// API version, a session's details show v8's statistics as the server computed them, and on
// v6 they say that statistics need v8 (no error, no statistics request to VBM365).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer } from "../src/server/index.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";

const runBrowser = browserAvailable();
const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));

let v8: TestServer;
let v6: TestServer;
let v8Dashboard: DashboardServer;
let v6Dashboard: DashboardServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const consoleErrors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return page;
}

/** A session whose failed and skipped counts differ and are not zero, so the numbers shown tell them apart. */
function telling(vbm: TestServer): string {
  const index = Array.from({ length: vbm.data.sessionCount() }, (_, i) => i).find((i) => {
    const statuses = vbm.data.events(i).map((event) => event.status);
    const count = (status: string) => statuses.filter((one) => one === status).length;
    return count("Failed") > 0 && count("Skipped") > 0 && count("Failed") !== count("Skipped");
  });
  if (index === undefined)
    throw new Error("The testkit data has no session with differing failed and skipped items; raise its session count.");
  return vbm.data.session(index).id;
}

function digits(text: string | null): number {
  return Number((text ?? "").replace(/\D/g, ""));
}

describe.runIf(runBrowser)("REST API versions in chromium", () => {
  beforeAll(async () => {
    [v8, v6] = await Promise.all([
      startTestServer({ sessions: 300, seed: 8 }),
      startTestServer({ sessions: 300, seed: 8, versions: ["v6"] }),
    ]);
    [v8Dashboard, v6Dashboard] = await Promise.all([
      startDashboardServer({ target: { url: v8.url, auth: { token: v8.token } } }),
      startDashboardServer({ target: { url: v6.url, auth: v6.credentials } }),
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([v8Dashboard?.close(), v6Dashboard?.close()]);
    await Promise.all([v8?.close(), v6?.close()]);
  });

  it("on a v8 server: the footer says v8 and the details show the server's statistics", async () => {
    const id = telling(v8);
    const response = await fetch(`${v8.url}/v8/RestoreSessions/${id}/Statistics`, { headers: { Authorization: `Bearer ${v8.token}` } });
    const expected = (await response.json()) as Record<string, unknown>;
    const page = await newPage();
    await page.goto(`${v8Dashboard.url}?window=7d&session=${id}`);
    await page.locator("#events-table").waitFor();
    await page.locator("#statistics dd[data-stat=restoredItemsCount]").waitFor();
    for (const key of ["totalItemsCount", "restoredItemsCount", "failedItemsCount", "skippedItemsCount"]) {
      expect(digits(await page.locator(`#statistics dd[data-stat=${key}]`).textContent()), key).toBe(expected[key]);
    }
    expect(expected.failedItemsCount).not.toBe(expected.skippedItemsCount);
    expect(digits(await page.locator("#statistics dd[data-stat=errorsCount]").textContent())).toBe(
      (expected.errors as unknown[] | undefined)?.length ?? 0,
    );
    expect(await page.locator("#statistics").getAttribute("aria-busy")).toBeNull();
    expect(await page.locator("#api-version-name").textContent()).toBe("v8");
    await expect.poll(() => page.locator("#api-version").textContent()).toContain("the newest the VBM365 server serves");
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}dashboard-statistics-v8.png` });
    await page.close();
  });

  it("on a v6-only server: the footer says v6 and the details say statistics need v8, without asking VBM365 for them", async () => {
    const id = telling(v6);
    const page = await newPage();
    await page.goto(`${v6Dashboard.url}?window=7d&session=${id}`);
    await page.locator("#events-table").waitFor();
    const note = page.locator("#statistics-note");
    await note.waitFor();
    expect(await note.textContent()).toBe(
      "Statistics (items restored, failed, skipped) need a VBM365 server with REST API v8; it serves v6.",
    );
    expect(await page.locator("#statistics-error").count()).toBe(0);
    expect(await page.locator("#statistics dd").count()).toBe(0);
    expect(await page.locator("#alert").isHidden()).toBe(true);
    expect(await page.locator("#api-version-name").textContent()).toBe("v6");
    expect(v6.requestLog.filter((record) => /statistics/i.test(record.path))).toEqual([]);
    expect(v6.requestLog.some((record) => record.path.startsWith("/v6/RestoreSessions/") && record.status === 200)).toBe(true);
    await page.screenshot({ path: `${artifacts}dashboard-statistics-v6.png` });
    await page.close();
  });

  it("logs no console errors", () => {
    expect(consoleErrors).toEqual([]);
  });
});
