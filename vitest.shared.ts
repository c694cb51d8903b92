// Settings every package's vitest config starts from. The JSON report lets the root
// `npm test` print one closing "N passed, N failed" line over all packages.
import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

export function packageTestConfig(overrides: ViteUserConfig = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["test/**/*.test.ts", "src/**/*.test.ts"],
        reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
      },
    }),
    overrides,
  );
}
