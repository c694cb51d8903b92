import { packageTestConfig } from "../../vitest.shared.js";

export default packageTestConfig({
  test: {
    // JUnit XML for CI systems, next to the readable summaries; artifacts/ is git-ignored.
    reporters: [["junit", { outputFile: "artifacts/junit.xml", suiteName: "vbm365 contract" }]],
    // Prism and the testkit servers start per file; checks are sequential HTTP calls.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
