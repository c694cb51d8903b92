import { packageTestConfig } from "../../vitest.shared.js";

// The packing and installing happen once, in the global setup. Files run one after the
// other: each starts compilers, bundlers or Chromium, and `npm test` shares two cores.
export default packageTestConfig({
  test: { globalSetup: ["test/setup/install.ts"], fileParallelism: false, testTimeout: 120_000, hookTimeout: 300_000 },
});
