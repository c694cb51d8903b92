import { packageTestConfig } from "../../vitest.shared.js";

// One test that starts five servers through npm: generous bounds for a busy CI machine.
export default packageTestConfig({ test: { testTimeout: 240_000 } });
