import { packageTestConfig } from "../../vitest.shared.js";

export default packageTestConfig({ test: { globalSetup: ["test/global-setup.ts"] } });
