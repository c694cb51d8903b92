// A SessionSource for tests of the dashboard's server alone: windows from the test, every
// other call refused (a test that reaches one by mistake fails loudly).
import type { SessionSource } from "../../src/server/source.js";

export function windowSource(listWindow: SessionSource["listWindow"]): SessionSource {
  const unused = () => Promise.reject(new Error("This test's source serves windows only."));
  return { listWindow, get: unused, events: unused, stop: unused, apiSetting: "auto", apiVersion: unused, statistics: unused };
}
