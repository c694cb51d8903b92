import { packageTestConfig } from "../../vitest.shared.js";

export default packageTestConfig({
  test: { testTimeout: 30_000, hookTimeout: 120_000, setupFiles: ["test/setup/fast-check-seed.ts"] },
});
