// Consumer 3: a browser app. The page is bundled by esbuild (platform browser) and by Vite
// with no error and no warning, no Node built-in or undici goes in (the client's `browser`
// condition swaps its Node-only TLS module for tls-browser.js), and Chromium, loading each
// bundle from the same origin as a testkit, lists the newest sessions.
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { chromiumPath, launchChromium } from "@vbm365/test-support/chromium";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWithEsbuild, bundleWithVite, nodeOnlyImports, type Bundle } from "./support/bundle.js";
import { serveSameOrigin, type SameOrigin } from "./support/same-origin.js";
import { scratch } from "./support/scratch.js";

const haveChromium = existsSync(chromiumPath);
const inCi = process.env.CI === "true";
if (!haveChromium && !inCi) console.warn(`\n!!! Chromium not found at ${chromiumPath}: the consumer browser check is SKIPPED.\n`);

const bundles: Record<"esbuild" | "vite", Bundle> = {} as Record<"esbuild" | "vite", Bundle>;
let server: TestServer;
let site: SameOrigin;

beforeAll(async () => {
  const { app, root } = scratch();
  bundles.esbuild = await bundleWithEsbuild(app, join(root, "web-esbuild"));
  bundles.vite = await bundleWithVite(app, join(root, "web-vite"));
  server = await startTestServer({ sessions: 40, seed: 11 });
  site = await serveSameOrigin({ esbuild: bundles.esbuild.dir, vite: bundles.vite.dir }, server.url);
});
afterAll(async () => {
  await site?.close();
  await server?.close();
});

describe.each(["esbuild", "vite"] as const)("browser bundle by %s", (bundler) => {
  it("builds with no error and no warning", () => {
    expect(bundles[bundler].errors).toEqual([]);
    expect(bundles[bundler].warnings).toEqual([]);
  });

  it("holds the browser TLS stand-in, and no Node built-in, undici or Node TLS module", () => {
    const { modules, code } = bundles[bundler];
    expect(modules.some((module) => module.endsWith("@vbm365/client/dist/tls-browser.js"))).toBe(true);
    expect(modules.filter((module) => /(^node:|\/undici\/|tls-node\.js$)/.test(module))).toEqual([]);
    expect(nodeOnlyImports(code)).toEqual([]);
  });

  it.skipIf(!haveChromium && !inCi)("lists the newest sessions in Chromium, from a testkit on the same origin", async () => {
    expect(haveChromium, `Chromium not found at ${chromiumPath}; CI needs it (apt-get install chromium, or set CHROMIUM_PATH).`).toBe(true);
    expect(bundles[bundler].errors, "no page to load: the bundle failed").toEqual([]);
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
      await page.goto(`${site.url}/${bundler}/index.html#token=${encodeURIComponent(server.token)}`);
      await page
        .locator("#status")
        .filter({ hasText: /sessions$|Server said|Failed/ })
        .waitFor({ timeout: 60_000 });

      expect(await page.locator("#status").textContent()).toBe("5 sessions");
      const shown = await page.locator("#sessions li").evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id));
      expect(shown).toEqual([...server.data.sessionIds()].slice(0, 5));
      expect(problems).toEqual([]);
      expect(await page.content()).not.toContain(server.token);
    } finally {
      await browser.close();
    }
  });
});
