// Report input straight from a testkit data set (no HTTP): the same sessions and events a
// walk of the server would give, for tests that need known data.
import type { ReportInput } from "../src/index.js";
import type { TestData } from "@vbm365/testkit";

export function* testkitInput(data: TestData, server = "default", version: "v6" | "v8" = "v8"): Generator<ReportInput> {
  for (let index = 0; index < data.sessionCount(); index++) {
    yield { server, session: data.session(index, version), events: data.events(index, version) };
  }
}
