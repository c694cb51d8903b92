// The dashboard in a real browser, backed by a testkit server with a few thousand sessions.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Response } from "playwright-core";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer, type SessionsResponse } from "../src/server/index.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { countBy, sessionsInWindow } from "./support/expected.js";

const runBrowser = browserAvailable();
const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));

let vbm: TestServer;
let dashboard: DashboardServer; // holds the token
let passwordDashboard: DashboardServer; // holds the user name and password
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const seen: { url: string; body: string }[] = [];
const consoleErrors: string[] = [];

function digits(text: string | null): number {
  return Number((text ?? "").replace(/\D/g, ""));
}

async function record(response: Response): Promise<void> {
  const body = await response.text().catch(() => "");
  seen.push({ url: response.url(), body });
}

async function newPage(): Promise<Page> {
  const created = await browser.context.newPage();
  created.on("response", (response) => void record(response));
  created.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  created.on("pageerror", (error) => consoleErrors.push(error.message));
  return created;
}

/** Runs an action that makes the page read sessions; resolves with the answer once the page shows it. */
async function act(action: () => Promise<unknown>): Promise<SessionsResponse> {
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/sessions" && response.ok());
  await action();
  const data = (await (await answer).json()) as SessionsResponse;
  await page.waitForFunction(
    () => document.querySelector("#sessions")?.getAttribute("aria-busy") === null && document.querySelector("#row-range") !== null,
  );
  return data;
}

/** Opens the dashboard at a URL, from a blank page so no earlier request is still in flight. */
async function visit(url: string): Promise<SessionsResponse> {
  await page.goto("about:blank");
  return act(() => page.goto(url));
}

describe.runIf(runBrowser)("dashboard in chromium", () => {
  beforeAll(async () => {
    vbm = await startTestServer({ sessions: 3000, seed: 5 });
    dashboard = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, allowStop: true });
    passwordDashboard = await startDashboardServer({ target: { url: vbm.url, auth: vbm.credentials } });
    browser = await launchBrowser();
    page = await newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([dashboard?.close(), passwordDashboard?.close()]);
    await vbm?.close();
  });

  it("fills the table and shows counts that match the server's data", async () => {
    const data = await visit(`${dashboard.url}?window=30d`);
    const expected = sessionsInWindow(vbm, new Date(data.window.from), new Date(data.window.to));
    expect(expected.length).toBeGreaterThan(2000);
    await expect.poll(() => page.locator("#sessions-table tbody tr").count()).toBe(50);
    expect(digits(await page.locator("[data-count=matched]").textContent())).toBe(expected.length);
    const results = countBy(expected, (session) => session.result);
    for (const [result, count] of Object.entries(results)) {
      const shown = await page.locator(`[data-counts=result] li[data-key=${result}]`).textContent();
      expect(shown).toContain(result); // by text, not by colour alone
      expect(digits(shown), result).toBe(count);
    }
    for (const [type, count] of Object.entries(countBy(expected, (session) => session.type))) {
      expect(digits(await page.locator(`[data-counts=type] li[data-key=${type}] .count`).textContent()), type).toBe(count);
    }
    expect(await page.locator("#chart svg rect.bar").count()).toBeGreaterThan(20);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}dashboard.png`, fullPage: true });
  });

  it("narrows the table with a filter, puts it in the URL, and restores it from the URL", async () => {
    const data = await act(() => page.selectOption("#result", "Failed"));
    expect(new URL(page.url()).searchParams.get("result")).toBe("Failed");
    await expect.poll(() => page.locator("#row-range").textContent()).toContain(`of ${data.matched.toLocaleString("en-US")}`);
    const expected = sessionsInWindow(vbm, new Date(data.window.from), new Date(data.window.to)).filter((s) => s.result === "Failed");
    expect(data.matched).toBe(expected.length);
    expect(expected.length).toBeLessThan(data.inWindow);
    const resultCells = await page.locator("#sessions-table tbody tr td:nth-child(6)").allTextContents();
    expect(resultCells.length).toBe(Math.min(50, expected.length));
    expect(resultCells.every((text) => text.includes("Failed"))).toBe(true);

    const shared = page.url();
    await visit(shared);
    expect(await page.locator("#result").inputValue()).toBe("Failed");
    expect(await page.locator("#window").inputValue()).toBe("30d");
    expect(digits(await page.locator("[data-count=matched]").textContent())).toBe(expected.length);
  });

  it("opens a session's details with its events, from the keyboard", async () => {
    await page.locator("#sessions-table tbody button.open").first().focus();
    await page.keyboard.press("ArrowDown");
    const id = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id!);
    await page.keyboard.press("Enter");
    await page.locator("#events-table").waitFor();
    const events = vbm.data.events(vbm.data.indexOf(id));
    await expect.poll(() => page.locator("#events-table tbody tr").count()).toBe(events.length);
    const shownItems = await page.locator("#events-table tbody tr td:first-child").allTextContents();
    expect(shownItems).toEqual(events.map((event) => event.itemName ?? event.title ?? "—"));
    expect(new URL(page.url()).searchParams.get("session")).toBe(id);
    await page.screenshot({ path: `${artifacts}dashboard-details.png` });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#details").getAttribute("open")).toBeNull();
    // The dialog's close event, which updates the address, fires after `open` is gone.
    await expect.poll(() => new URL(page.url()).searchParams.get("session")).toBeNull();
  });

  it("stops a running session only after confirmation", async () => {
    await act(() => page.selectOption("#result", ""));
    const data = await act(() => page.selectOption("#state", "Working"));
    expect(new URL(page.url()).searchParams.get("state")).toBe("Working");
    expect(data.matched).toBeGreaterThan(0);
    const id = data.rows[0]!.id;
    await page.locator(`#sessions-table button.open[data-id="${id}"]`).click();
    await page.locator("#stop").click();
    await page.locator("#cancel-stop").click();
    expect(vbm.data.session(vbm.data.indexOf(id)).state).toBe("Working");
    await page.locator("#stop").click();
    await page.locator("#confirm-stop").click();
    await page.getByText("Stop requested.").waitFor();
    expect(vbm.data.session(vbm.data.indexOf(id)).state).toBe("Stopped");
    await page.keyboard.press("Escape");
  });

  it("sorts by a column header and searches text, both kept in the URL", async () => {
    await visit(`${dashboard.url}?window=7d`);
    const sorted = await act(() => page.locator("button.sort[data-sort=result]").click());
    expect(new URL(page.url()).searchParams.get("sort")).toBe("result");
    expect(await page.locator("th:has(button[data-sort=result])").getAttribute("aria-sort")).toBe("descending");
    const results = sorted.rows.map((row) => row.result.toLowerCase());
    expect(results).toEqual([...results].sort().reverse());

    const needle = sorted.rows[0]!.organization!;
    const searched = await act(() => page.fill("#q", needle));
    expect(new URL(page.url()).searchParams.get("q")).toBe(needle);
    const expected = sessionsInWindow(vbm, new Date(searched.window.from), new Date(searched.window.to)).filter((s) =>
      [s.id, s.name, s.organization, s.initiatedBy, s.details, s.clientHost, s.scopeName].some((field) =>
        field?.toLowerCase().includes(needle.toLowerCase()),
      ),
    );
    expect(digits(await page.locator("[data-count=matched]").textContent())).toBe(expected.length);
    expect(expected.length).toBeLessThan(searched.inWindow);
  });

  it("reads a custom window and keeps it in the URL", async () => {
    await visit(dashboard.url);
    await page.selectOption("#window", "custom");
    const end = new Date(Date.now() - 2 * 86_400_000);
    const start = new Date(end.getTime() - 3 * 86_400_000);
    // datetime-local fields take the browser's local time.
    const local = (ms: number) =>
      page.evaluate((at) => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16), ms);
    await page.fill("#from", await local(start.getTime()));
    await page.fill("#to", await local(end.getTime()));
    const data = await act(() => page.getByRole("button", { name: "Apply" }).click());
    expect(new URL(page.url()).searchParams.get("window")).toBe("custom");
    expect(Math.abs(Date.parse(data.window.from) - start.getTime())).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(data.window.to) - end.getTime())).toBeLessThan(60_000);
    const expected = sessionsInWindow(vbm, new Date(data.window.from), new Date(data.window.to));
    expect(digits(await page.locator("[data-count=matched]").textContent())).toBe(expected.length);
    expect(new URL(page.url()).searchParams.get("from")).toBe(data.window.from);
  });

  it("never shows Stop when the server does not allow writes, and works with a password login", async () => {
    const other = await newPage();
    const running = sessionsInWindow(vbm, new Date(Date.now() - 7 * 86_400_000), new Date()).find((s) => s.state === "Working")!;
    await other.goto(`${passwordDashboard.url}?window=7d&session=${running.id}`);
    await other.locator("#events-table").waitFor();
    expect(await other.locator("#stop").count()).toBe(0);
    await other.close();
  });

  it("logs no console errors and lets no secret reach the browser", async () => {
    expect(consoleErrors).toEqual([]);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.some(({ url }) => url.endsWith(".js"))).toBe(true);
    const storage = await page.evaluate(() =>
      JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        cookie: document.cookie,
        html: document.documentElement.outerHTML,
      }),
    );
    const cookies = JSON.stringify(await browser.context.cookies());
    const everything = [...seen.map(({ url, body }) => `${url}\n${body}`), storage, cookies].join("\n");
    for (const secret of [vbm.token, vbm.credentials.password]) expect(everything).not.toContain(secret);
  });
});
