// Consumer 1: an ESM TypeScript project with the strictest usual settings compiles against
// the installed packages' own .d.ts files (skipLibCheck off) and runs every client call
// against the installed testkit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consumersBin } from "./support/paths.js";
import { run } from "./support/run.js";
import { scratch } from "./support/scratch.js";

describe("ESM TypeScript consumer (node16, strictest)", () => {
  it("compiles with node16 resolution and the strictest checks, so loosening them is a visible change", () => {
    const tsconfig = JSON.parse(readFileSync(join(scratch().app, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
    expect(tsconfig.compilerOptions).toMatchObject({
      module: "node16",
      moduleResolution: "node16",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
    });
  });

  it("compiles with no error and runs every call of the client against the testkit", async () => {
    const { app } = scratch();
    const compiled = await run(consumersBin("tsc"), ["-p", "tsconfig.json"], { cwd: app });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);

    const ran = await run(process.execPath, ["dist/every-call.js"], { cwd: app });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      calls: ["event", "events", "get", "iterate", "list", "organization", "statistics", "stop"],
      sessions: 45,
      events: expect.any(Number),
    });
  });
});
