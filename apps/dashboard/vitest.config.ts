import { packageTestConfig } from "../../vitest.shared.js";

export default packageTestConfig({
  // One browser and one testkit server at a time: the machine is small and shared.
  test: { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
