// Consumer 5: the testkit from its tarball, started from the consumer's own vitest file
// (fixtures/app/test/testkit.test.ts), run by the consumer's own vitest; and its CLI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./support/run.js";
import { scratch } from "./support/scratch.js";

/** Variables of this vitest run that would make the inner one think it is nested in it. */
const OUTER_VITEST = {
  VITEST: undefined,
  VITEST_MODE: undefined,
  VITEST_POOL_ID: undefined,
  VITEST_WORKER_ID: undefined,
  TEST: undefined,
  NODE_ENV: undefined,
};

describe("testkit installed from its tarball", () => {
  it("a consumer's own vitest file starts it and walks it with the installed client", async () => {
    const { app } = scratch();
    const results = join(app, "vitest-results.json");
    const ran = await run(join(app, "node_modules/.bin/vitest"), ["run", "--reporter=json", `--outputFile=${results}`], {
      cwd: app,
      env: OUTER_VITEST,
    });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    const report = JSON.parse(readFileSync(results, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    expect(report).toMatchObject({ numPassedTests: 2, numFailedTests: 0, numTotalTests: 2 });
  });

  it("its installed bin answers --help with the options", async () => {
    const ran = await run(join(scratch().app, "node_modules/.bin/vbm365-testkit"), ["--help"], { cwd: scratch().app });
    expect(ran.code, ran.stderr).toBe(0);
    for (const option of ["--sessions", "--seed", "--port", "--https", "--defect"]) expect(ran.stdout).toContain(option);
  });
});
