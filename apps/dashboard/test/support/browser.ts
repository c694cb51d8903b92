// Debian's chromium through playwright-core: never a downloaded browser. Missing chromium
// fails under CI=true and skips loudly elsewhere.
import { existsSync } from "node:fs";
import { chromiumPath, launchChromium } from "@vbm365/test-support/chromium";

export { chromiumPath };

/** Whether browser tests can run here; throws under CI when they cannot. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `Chromium not found at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH.`;
  if (process.env.CI === "true") throw new Error(`${message} Browser tests cannot be skipped under CI.`);
  console.warn(`\n!!! SKIPPING the dashboard's browser tests. ${message}\n`);
  return false;
}

export const launchBrowser = () => launchChromium({ viewport: { width: 1400, height: 1000 }, locale: "en-US" });
