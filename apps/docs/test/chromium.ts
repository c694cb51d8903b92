// Starting Debian's Chromium for the browser tests, the team's way: never a downloaded
// browser, a fresh profile each time, nothing phoning home.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const haveChromium = existsSync(chromiumPath);
const inCi = process.env.CI === "true";

/** Without Chromium the browser tests skip (loudly) on a developer machine and fail under CI=true. */
export const chromiumMissingInCi = !haveChromium && inCi;
if (!haveChromium && !inCi) {
  console.warn(`\n!!! Chromium not found at ${chromiumPath}: the docs browser test is SKIPPED.\n!!! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`);
}

export const missingChromiumMessage = `Chromium not found at ${chromiumPath}; CI needs it (apt-get install chromium, or set CHROMIUM_PATH).`;

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "vbm365-docs-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
