// What the page shows when things are not as they should be: a garbage page from
// VBM365, server strings such as "constructor", a window over the cap (with a narrower one
// offered), and a dashboard that needs its access token.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RestoreSession } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer } from "../src/server/index.js";
import type { SessionSource } from "../src/server/source.js";
import { windowSource } from "./support/source.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { sessionsInWindow } from "./support/expected.js";

const runBrowser = browserAvailable();
const accessToken = "browser-test-access-token-0123456789";
let vbm: TestServer;
let garbage: Server;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const started: DashboardServer[] = [];

function digits(text: string | null): number {
  return Number((text ?? "").replace(/\D/g, ""));
}

async function dashboardFor(options: Parameters<typeof startDashboardServer>[0]): Promise<DashboardServer> {
  const server = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, log: () => undefined, ...options });
  started.push(server);
  return server;
}

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** A source with the given sessions, started a minute apart before now. */
function fixedSource(values: { result: string; type: string }[]): SessionSource {
  const now = Date.now();
  const sessions = values.map(
    ({ result, type }, index): RestoreSession => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      type: type as RestoreSession["type"],
      state: "Stopped",
      result: result as RestoreSession["result"],
      creationTime: new Date(now - (index + 1) * 60_000).toISOString(),
    }),
  );
  return windowSource(async () => sessions);
}

describe.runIf(runBrowser)("the page under hostile data", () => {
  beforeAll(async () => {
    vbm = await startTestServer({ sessions: 3000, seed: 8 });
    garbage = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"results":"nope","offset":0,"limit":1000}');
    });
    await new Promise<void>((resolve) => garbage.listen(0, "127.0.0.1", resolve));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(started.map((server) => server.close()));
    await new Promise((resolve) => garbage?.close(resolve));
    await vbm?.close();
  });

  it("a garbage page from VBM365 shows an error, not an empty table", async () => {
    const port = (garbage.address() as AddressInfo).port;
    const dashboard = await dashboardFor({ target: { url: `http://127.0.0.1:${port}`, auth: { token: "unused" } } });
    const page = await open(dashboard.url);
    await page.locator("#alert:not([hidden])").waitFor();
    expect(await page.locator("#alert").textContent()).toMatch(/sent a page without a list of restore sessions/);
    expect(await page.locator("#sessions-table").count()).toBe(0);
    expect(await page.locator("#sessions .empty").count()).toBe(0);
    await page.close();
  });

  it('counts and labels "constructor" and "toString" as the values they are', async () => {
    const source = fixedSource([
      { result: "constructor", type: "toString" },
      { result: "constructor", type: "Vex" },
      { result: "Success", type: "toString" },
    ]);
    const dashboard = await dashboardFor({ source });
    const page = await open(dashboard.url);
    await page.locator("#sessions-table").waitFor();
    expect(digits(await page.locator("[data-counts=result] li[data-key=constructor] .count").textContent())).toBe(2);
    expect(digits(await page.locator("[data-counts=type] li[data-key=toString] .count").textContent())).toBe(2);
    const text = await page.locator("body").innerText();
    expect(text).not.toContain("function");
    expect(text).not.toContain("[native code]");
    await page.close();
  });

  it("a window over the cap says so and offers a narrower one, which loads", async () => {
    const dashboard = await dashboardFor({ windowCaps: { sessions: 200 } });
    const page = await open(`${dashboard.url}?window=7d`);
    await page.locator("#narrower").waitFor();
    expect(await page.locator("#alert").textContent()).toMatch(/holds more than 200 sessions.*choose a narrower one/);
    await page.locator("#narrower").click();
    await page.locator("#sessions-table").waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("window")).toBe("custom");
    const expected = sessionsInWindow(vbm, new Date(url.searchParams.get("from")!), new Date(url.searchParams.get("to")!));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(200);
    expect(digits(await page.locator("[data-count=matched]").textContent())).toBe(expected.length);
    expect(await page.locator("#alert").isHidden()).toBe(true);
    await page.close();
  });

  it("asks for the access token, and takes it from the URL fragment without keeping it there", async () => {
    const dashboard = await dashboardFor({ accessToken });
    const asked = await open(dashboard.url);
    await asked.locator("#access-token").waitFor();
    expect(await asked.locator("#sessions-table").count()).toBe(0);
    await asked.fill("#access-token", accessToken);
    await asked.getByRole("button", { name: "Open" }).click();
    await asked.locator("#sessions-table").waitFor();
    await asked.close();

    const linked = await browser.context.newPage();
    const requests: string[] = [];
    linked.on("request", (request) => requests.push(request.url()));
    await linked.goto(`${dashboard.url}#token=${accessToken}`);
    await linked.locator("#sessions-table").waitFor();
    expect(new URL(linked.url()).hash).toBe("");
    // The fragment never goes to the server: no request URL holds the token.
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((url) => url.includes(accessToken))).toEqual([]);
    await linked.close();
  });
});
