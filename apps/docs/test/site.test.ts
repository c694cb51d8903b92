// The built site in real Chromium, served the way `pnpm docs:serve` serves it.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocsServer } from "../server.mjs";
import { chromiumMissingInCi, haveChromium, launchChromium, missingChromiumMessage } from "./chromium.js";
import { apiVersions } from "@vbm365/openapi";
import { firstResponseExample, operations, specOf } from "./spec.js";

const sitePage = new URL("../dist/index.html", import.meta.url);
const artifacts = new URL("../artifacts/", import.meta.url);
const listOperation = operations.find(({ operation }) => operation.operationId === "RestoreSession_GetPage")!;
const listSample = readFileSync(new URL("../samples/RestoreSession_GetPage.ts", import.meta.url), "utf8");

it.runIf(chromiumMissingInCi)("has Chromium under CI=true", () => {
  throw new Error(missingChromiumMessage);
});

describe.runIf(haveChromium)("docs site in Chromium", () => {
  let docs: { url: string; close(): Promise<void> };
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(sitePage)) throw new Error("apps/docs/dist/index.html is missing: run `pnpm --filter @vbm365/docs build` first.");
    docs = await startDocsServer({ port: 0 });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("request", (request) => void requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => void consoleErrors.push(`uncaught: ${error.message}`));
    await page.goto(docs.url);
  });

  afterAll(async () => {
    await browser?.close();
    await docs?.close();
  });

  const menu = () => page.locator('[data-component-name="Menu/Menu"]').first();

  it("lists every operation of the spec in the sidebar, under its tag", async () => {
    const labels = async () => (await menu().locator('a[href^="#/"]').allInnerTexts()).map((l) => l.replace(/\s+/g, " ").trim());
    const tags = [...new Set(operations.map(({ operation }) => operation.tags?.[0] as string))];
    for (const tag of tags) {
      const expected = operations
        .filter(({ operation }) => operation.tags?.[0] === tag)
        .map(({ method, operation }) => `${operation.summary} ${method.toUpperCase()}`);
      // Groups open one at a time: open this one and read its operations.
      const group = menu().locator('[data-component-name="Menu/MenuItem"].menu-item-type-group > a').filter({ hasText: tag });
      if (!(await labels()).includes(expected[0]!)) await group.first().click();
      await expect.poll(labels, { message: `operations under "${tag}"`, timeout: 15_000 }).toEqual(expect.arrayContaining(expected));
    }
  });

  it("shows the spec's example sessions in the list operation's response sample", async () => {
    const link = menu().getByText(listOperation.operation.summary, { exact: true });
    // Its group may have closed when another one opened.
    if (!(await link.isVisible())) await menu().getByText(listOperation.operation.tags[0], { exact: true }).click();
    await link.click();
    const responses = page.locator('[data-component-name="Panel/Panel"]').filter({ hasText: "Response" }).first();
    const example = firstResponseExample("RestoreSession_GetPage") as { results: { id: string }[] };
    // b7f43a7f-3508-4d04-8ec2-ece6944e916b, the vendor's first session, in today's spec.
    await expect.poll(() => responses.innerText(), { timeout: 15_000 }).toContain(example.results[0]!.id);
    await responses.scrollIntoViewIfNeeded();
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: new URL("docs-response-sample.png", artifacts).pathname });
  });

  it("shows the TypeScript sample from samples/ for the list operation", async () => {
    const samples = page.locator(".panel-request-samples").first();
    await expect.poll(() => samples.innerText(), { timeout: 15_000 }).toContain("TypeScript");
    const code = samples.locator("code").first();
    expect(await code.getAttribute("data-language")).toBe("ts");
    const shown = (await code.innerText()).replace(/\s+/g, " ").trim();
    expect(shown).toBe(listSample.replace(/\s+/g, " ").trim());
    await samples.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL("docs-site.png", artifacts).pathname });
  });

  it("finds the Events operations through the search box", async () => {
    const eventsOperations = operations.filter(({ path }) => /\/Events/.test(path)).map(({ operation }) => operation.summary);
    expect(eventsOperations.length).toBeGreaterThan(0);
    // The sidebar's search field opens the search dialog, which holds the real input.
    await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
    await page.locator('[data-component-name="Search/SearchInput"] input').first().fill("Events");
    const results = page.locator('[data-component-name="Search/SearchItem"]');
    await expect
      .poll(() => results.allInnerTexts(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(eventsOperations.map((summary) => expect.stringContaining(summary))));
    await page.screenshot({ path: new URL("docs-search.png", artifacts).pathname });
    await page.keyboard.press("Escape");
  });

  it("switches between the API versions, each page showing its own operations", async () => {
    const switcher = page.locator("#api-version-switch a");
    expect(await switcher.allInnerTexts()).toEqual([...apiVersions, "client"]);
    expect(await switcher.filter({ hasText: "v6" }).getAttribute("aria-current")).toBe("page");
    // Statistics exists in v8 only: its summary is the test's witness of which page is shown.
    const statistics = specOf("v8").paths["/v8/RestoreSessions/{restoreSessionId}/Statistics"].get;
    const labels = async () => (await menu().locator('a[href^="#/"]').allInnerTexts()).map((l) => l.replace(/\s+/g, " ").trim());
    const openGroup = async (tag: string) => {
      const group = menu().locator('[data-component-name="Menu/MenuItem"].menu-item-type-group > a').filter({ hasText: tag });
      await group.first().click();
    };

    await switcher.filter({ hasText: "v8" }).click();
    await page.waitForURL(/\/v8\/index\.html$/);
    expect(await page.locator("#api-version-switch a[aria-current=page]").innerText()).toBe("v8");
    await expect.poll(() => page.locator("h1").first().innerText(), { timeout: 15_000 }).toContain("REST API v8");
    await openGroup(statistics.tags[0]);
    await expect.poll(labels, { timeout: 15_000 }).toContain(`${statistics.summary} GET`);
    await page.screenshot({ path: new URL("docs-v8.png", artifacts).pathname });

    await page.locator("#api-version-switch a", { hasText: "v6" }).click();
    await page.waitForURL((url) => url.pathname === "/index.html");
    await expect.poll(() => page.locator("h1").first().innerText(), { timeout: 15_000 }).toContain("REST API v6");
    await openGroup(statistics.tags[0]);
    await expect.poll(labels, { timeout: 15_000 }).toContain(`${listOperation.operation.summary} GET`);
    expect(await labels()).not.toContain(`${statistics.summary} GET`);
  });

  it("opens the client reference from the switch, and comes back to the REST reference", async () => {
    await page.locator("#api-version-switch a", { hasText: "client" }).click();
    await page.waitForURL(/\/client\/index\.html$/);
    await expect.poll(() => page.locator("h1").first().innerText(), { timeout: 15_000 }).toContain("@vbm365/client");
    await page.locator("a", { hasText: "REST API reference" }).first().click();
    await page.waitForURL((url) => url.pathname === "/index.html");
    await expect.poll(() => page.locator("h1").first().innerText(), { timeout: 15_000 }).toContain("REST API v6");
  });

  it("logged no console error and asked nothing of any host but its own", () => {
    const own = new URL(docs.url).origin;
    const foreign = requests.filter((url) => !url.startsWith(`${own}/`) && !/^(blob|data):/.test(url));
    expect(requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
