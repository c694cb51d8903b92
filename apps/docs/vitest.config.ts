import { packageTestConfig } from "../../vitest.shared.js";

// Prism and Chromium each take seconds to start when the whole `npm test` runs on two
// cores; files run one after the other so this package does not start both at once.
export default packageTestConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
