import { packageTestConfig } from "../../vitest.shared.js";

// The tests run the built CLI as child processes against servers they start: give them room.
export default packageTestConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
