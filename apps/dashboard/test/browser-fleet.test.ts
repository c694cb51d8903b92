// A fleet dashboard in chromium: servers from a configuration file (v6-only, v7 and v8
// testkits, one refusing the login, one that never answers). The page lists sessions from
// every answering server with a server column, filters by server, totals the fleet, and the
// footer shows each server's health; no secret reaches the page.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { parseConfig } from "@vbm365/app-support";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { openFleet, startDashboardServer, type DashboardServer } from "../src/server/index.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";

const runBrowser = browserAvailable();
const SESSIONS = 40; // ~10 hours of sessions: all inside the page's default 24h window

let kits: TestServer[];
let silent: { server: Server; sockets: Set<Socket>; url: string };
let dashboard: DashboardServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const consoleErrors: string[] = [];

async function startSilent() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, sockets, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe.runIf(runBrowser)("a fleet of servers in chromium", () => {
  beforeAll(async () => {
    kits = await Promise.all([
      startTestServer({ sessions: SESSIONS, seed: 61, versions: ["v6"] }),
      startTestServer({ sessions: SESSIONS, seed: 71, versions: ["v6", "v7"] }),
      startTestServer({ sessions: SESSIONS, seed: 81 }),
      startTestServer({ sessions: SESSIONS, seed: 91 }),
    ]);
    silent = await startSilent();
    const [v6, v7, v8, refusing] = kits as [TestServer, TestServer, TestServer, TestServer];
    const env = { T6: v6.token, T7: v7.token, P8: v8.credentials.password, WRONG: "wrong-password-123" };
    const config = parseConfig(
      `defaults: { timeout: 2s }
servers:
  - { name: v6-only, url: '${v6.url}', token: { env: T6 } }
  - { name: v7, url: '${v7.url}', token: { env: T7 } }
  - { name: v8, url: '${v8.url}', username: '${v8.credentials.username}', password: { env: P8 } }
  - { name: refusing, url: '${refusing.url}', username: '${refusing.credentials.username}', password: { env: WRONG } }
  - { name: silent, url: '${silent.url}', token: { env: T6 } }
`,
      "/test/vbm365.config.yaml",
      env,
    );
    dashboard = await startDashboardServer({ fleet: await openFleet(config), log: () => undefined });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    for (const socket of silent?.sockets ?? []) socket.destroy();
    silent?.server.close();
    await Promise.all((kits ?? []).map((kit) => kit.close()));
  });

  async function newPage(path = ""): Promise<Page> {
    const page = await browser.context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(`${dashboard.url}${path}`);
    await page.locator("#sessions-table").waitFor();
    return page;
  }

  it("lists sessions from every answering server with a server column and fleet totals", async () => {
    const page = await newPage("?size=200");
    expect(await page.locator("#sessions-table thead th").first().textContent()).toBe("Server");
    const servers = await page
      .locator("#sessions-table tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-server")));
    for (const name of ["v6-only", "v7", "v8"]) expect(servers.filter((server) => server === name)).toHaveLength(SESSIONS);
    expect(servers).toHaveLength(3 * SESSIONS);
    const ids = await page.locator("#sessions-table tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id")));
    const [v6, v7, v8] = kits as [TestServer, TestServer, TestServer];
    expect(new Set(ids)).toEqual(new Set([v6, v7, v8].flatMap((kit) => [...kit.data.sessionIds()])));
    expect(await page.locator("#fleet-total").textContent()).toBe(`${3 * SESSIONS} sessions on 3 servers: `);
    expect(await page.locator(".server-total[data-server=v8]").textContent()).toContain(`v8 ${SESSIONS}`);
    await page.close();
  });

  it("the footer shows each server's health: reachable with its version, or why not", async () => {
    const page = await newPage();
    const item = (name: string) => page.locator(`#fleet-health li[data-server="${name}"]`);
    await item("silent").waitFor();
    expect(await item("v8").getAttribute("data-status")).toBe("up");
    expect(await item("v8").textContent()).toMatch(/^v8: reachable · REST API v8 · 40 sessions · last answer /);
    expect(await item("v6-only").textContent()).toContain("REST API v6");
    expect(await item("v7").textContent()).toContain("REST API v7");
    expect(await item("refusing").textContent()).toBe("refusing: not answering (login refused) · no answer yet");
    expect(await item("silent").textContent()).toBe("silent: not answering (timeout) · no answer yet");
    expect(await page.content()).not.toContain("wrong-password-123");
    expect(await page.content()).not.toContain((kits[2] as TestServer).credentials.password);
    await page.close();
  });

  it("the server filter shows one server's sessions, and opens a session's details from it", async () => {
    const page = await newPage();
    await page.locator("#server").selectOption("v7");
    await expect.poll(() => page.locator("#row-range").textContent()).toContain(`of ${SESSIONS} `);
    const servers = await page
      .locator("#sessions-table tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-server")));
    expect(new Set(servers)).toEqual(new Set(["v7"]));
    expect(page.url()).toContain("server=v7");
    await page.locator("#sessions-table button.open").first().click();
    await page.locator("#events-table").waitFor();
    await expect
      .poll(() => page.locator("#statistics-note").textContent())
      .toBe("Statistics (items restored, failed, skipped) need a VBM365 server with REST API v8; it serves v7.");
    await page.close();
  });

  it("logs no console errors", () => {
    expect(consoleErrors).toEqual([]);
  });
});
