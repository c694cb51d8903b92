// Consumer 2: CommonJS. `require("@vbm365/client")` works on Node >= 20.19 (require(esm),
// through the export's `default` condition), from plain JavaScript and from TypeScript
// compiled with module nodenext; attw checks the CommonJS resolution of the tarball.
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumersBin } from "./support/paths.js";
import { run } from "./support/run.js";
import { scratch } from "./support/scratch.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sessions: 10, seed: 5 });
});
afterAll(() => server?.close());

const newestIds = () => [...server.data.sessionIds()].slice(0, 3);
const serverEnv = () => ({ VBM365_URL: server.url, VBM365_TOKEN: server.token });

describe("CommonJS consumer", () => {
  it("require() of the client from a .cjs file lists sessions", async () => {
    const ran = await run(process.execPath, ["require.cjs"], { cwd: scratch().app, env: serverEnv() });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({ ids: newestIds(), isErrorClass: true });
  });

  it("TypeScript (module nodenext) compiles an import in a .cts file to a require that runs", async () => {
    const { app } = scratch();
    const compiled = await run(consumersBin("tsc"), ["-p", "tsconfig.cjs.json"], { cwd: app });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);
    expect(readFileSync(join(app, "dist/require.cjs"), "utf8")).toContain('require("@vbm365/client")');

    const ran = await run(process.execPath, ["dist/require.cjs"], { cwd: app, env: serverEnv() });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({ ids: newestIds(), missing: 404 });
  });

  it("attw finds types and code for require and import under node16 (ESM served to require is Node >= 20.19's require(esm))", async () => {
    // attw 0.18.5 runs TypeScript 5.6, which predates require(esm) (TypeScript 5.8), so it
    // calls any ESM reached by require a problem: that one rule is ignored, the rest of the
    // node16 profile (resolution from CJS and ESM, types, masquerading) is checked.
    const tarball = scratch().tarballs["@vbm365/client"];
    const ran = await run(
      consumersBin("attw"),
      [tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--format", "json"],
      { cwd: scratch().root },
    );
    expect(ran.stderr).toBe("");
    type Resolved = { fileName: string } | undefined;
    type Resolutions = Record<string, { resolution?: Resolved; implementationResolution?: Resolved }>;
    const report = JSON.parse(ran.stdout) as { analysis: { entrypoints: Record<string, { resolutions: Resolutions }> } };
    const root = report.analysis.entrypoints["."]!.resolutions;
    for (const mode of ["node16-cjs", "node16-esm"]) {
      expect(root[mode]?.resolution?.fileName, `${mode} types`).toMatch(/dist\/index\.d\.ts$/);
      expect(root[mode]?.implementationResolution?.fileName, `${mode} code`).toMatch(/dist\/index\.js$/);
    }
    expect(ran.code).toBe(0);
  });
});
