// Settings every package's vitest config starts from. The JSON report lets the root
// `npm test` print one closing "N passed, N failed" line over all packages.
import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

export function packageTestConfig(overrides: ViteUserConfig = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["test/**/*.test.ts", "src/**/*.test.ts"],
        reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
        // `npm test` runs every package's suite side by side on a 2-core CI machine:
        // bounds are for hung tests, not for speed (speed lives in `pnpm bench`).
        testTimeout: 30_000,
        hookTimeout: 120_000,
        // A test that asserts nothing cannot fail: every test must make at least one
        // assertion (expect, expect.assertions), or it fails.
        expect: { requireAssertions: true },
      },
    }),
    overrides,
  );
}
