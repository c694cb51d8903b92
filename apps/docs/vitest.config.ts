import { packageTestConfig } from "../../vitest.shared.js";

// The browser test and Prism each take a few seconds to start on a busy machine.
export default packageTestConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
