// Whether the docs browser test can run here (the launch itself is the shared one in
// @vbm365/test-support/chromium): skipped loudly on a developer machine, a failure under CI.
import { existsSync } from "node:fs";
import { chromiumPath } from "@vbm365/test-support/chromium";

export { chromiumPath, launchChromium } from "@vbm365/test-support/chromium";
export const haveChromium = existsSync(chromiumPath);
const inCi = process.env.CI === "true";

/** Without Chromium the browser tests skip (loudly) on a developer machine and fail under CI=true. */
export const chromiumMissingInCi = !haveChromium && inCi;
if (!haveChromium && !inCi) {
  console.warn(
    `\n!!! Chromium not found at ${chromiumPath}: the docs browser test is SKIPPED.\n!!! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`,
  );
}

export const missingChromiumMessage = `Chromium not found at ${chromiumPath}; CI needs it (apt-get install chromium, or set CHROMIUM_PATH).`;
