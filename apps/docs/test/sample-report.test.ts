// The sample restore report the build puts on the site: linked from every API page, served
// by the docs server, and in Chromium every chart renders with nothing fetched from elsewhere.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiVersions } from "@vbm365/openapi";
import { startDocsServer } from "../server.mjs";
import { haveChromium, launchChromium } from "./chromium.js";

const dist = new URL("../dist/", import.meta.url);
const CHARTS = ["operators-by-actions", "operators-by-size", "objects-by-actions", "actions-over-time", "services-over-time"];

beforeAll(() => {
  if (!existsSync(new URL("sample-report/index.html", dist)))
    throw new Error("apps/docs/dist/sample-report/ is missing: run `pnpm --filter @vbm365/docs build` first.");
});

describe("the sample report", () => {
  it("is linked from every version's page, with the CSV of every action beside it", () => {
    for (const version of apiVersions) {
      const page = readFileSync(new URL(version === "v6" ? "index.html" : `${version}/index.html`, dist), "utf8");
      expect(page, version).toContain(`<a id="sample-report-link" href="${version === "v6" ? "" : "../"}sample-report/index.html"`);
    }
    const html = readFileSync(new URL("sample-report/index.html", dist), "utf8");
    const total = Number(/<li id="total-actions"><strong><data value="(\d+)">/.exec(html)?.[1]);
    const csvLines = readFileSync(new URL("sample-report/restores.actions.csv", dist), "utf8").trimEnd().split("\r\n");
    expect(total).toBeGreaterThan(200);
    expect(csvLines).toHaveLength(total + 1);
    expect(html).toContain("Every action is in restores.actions.csv");
  });

  describe.runIf(haveChromium)("in Chromium, served by the docs server", () => {
    let docs: { url: string; close(): Promise<void> };
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    beforeAll(async () => {
      docs = await startDocsServer({ port: 0 });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await docs?.close();
    });

    it("renders every chart with no request elsewhere and no console error", async () => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      const elsewhere: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("request", (request) => {
        if (!request.url().startsWith(docs.url)) elsewhere.push(request.url());
      });
      await page.goto(new URL("sample-report/index.html", docs.url).href);
      for (const id of CHARTS) expect(await page.locator(`#${id} svg rect, #${id} svg path`).count(), id).toBeGreaterThan(5);
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
