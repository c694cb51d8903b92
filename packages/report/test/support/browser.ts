// Debian's chromium through playwright-core (never a downloaded browser). Missing chromium
// fails under CI=true and skips loudly elsewhere.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromiumPath, launchChromium } from "@vbm365/test-support/chromium";
import type { Page } from "playwright-core";

export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `Chromium not found at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH.`;
  if (process.env.CI === "true") throw new Error(`${message} Browser tests cannot be skipped under CI.`);
  console.warn(`\n!!! SKIPPING the report's browser tests. ${message}\n`);
  return false;
}

export const launchBrowser = () => launchChromium({ viewport: { width: 1280, height: 1000 }, locale: "en-US" });

export interface OpenedReport {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every request that was not for the file itself (there must be none). */
  requests: string[];
}

/** Opens a report file from file:// with the network off and every non-file request refused and recorded. */
export async function openOffline(context: Awaited<ReturnType<typeof launchBrowser>>["context"], path: string): Promise<OpenedReport> {
  await context.setOffline(true);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${path}`);
  return { page, errors, requests };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core from the npm package, run in the page (evaluated through the DevTools protocol, which the page's CSP does not govern). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.slice(0, 3).map((node) => node.target))}`,
    );
}
