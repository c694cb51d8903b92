// Every TypeScript block of every README compiles as written, against the packages as npm
// installed them from their tarballs (node16, strict), so a copied sample works.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmes, typeScriptOf, type ReadmeModule } from "./support/markdown.js";
import { consumersBin, repoRoot } from "./support/paths.js";
import { run } from "./support/run.js";
import { scratch } from "./support/scratch.js";

const modules = readmes(repoRoot)
  .map((readme) => typeScriptOf(repoRoot, readme))
  .filter((module): module is ReadmeModule => module !== undefined);
const fileFor = (module: ReadmeModule) => `${module.readme.replace(/\//g, "__").replace(/\.md$/, "")}.ts`;

/** tsc's `file(line,col): error ...` lines, pointed back at the README line. */
function errorsByReadme(output: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of output.matchAll(/^readme-samples\/(.+?)\.ts\((\d+),(\d+)\): (error .*)$/gm)) {
    const module = modules.find((candidate) => fileFor(candidate) === `${match[1]}.ts`)!;
    const readmeLine = module.lines[Number(match[2]) - 1];
    found.set(module.readme, [...(found.get(module.readme) ?? []), `${module.readme}:${readmeLine}: ${match[4]}`]);
  }
  return found;
}

describe("README TypeScript samples", () => {
  it("are found in the READMEs that have them (root and the client's at least)", () => {
    expect(modules.map((module) => module.readme)).toEqual(expect.arrayContaining(["README.md", "packages/client/README.md"]));
  });

  let errors: Map<string, string[]> | undefined;
  async function compileAll(): Promise<Map<string, string[]>> {
    if (errors) return errors;
    const { app } = scratch();
    mkdirSync(join(app, "readme-samples"), { recursive: true });
    for (const module of modules) writeFileSync(join(app, "readme-samples", fileFor(module)), module.source);
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        module: "node16",
        moduleResolution: "node16",
        lib: ["ES2023", "DOM"],
        types: ["node"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ["readme-samples/*.ts"],
    };
    writeFileSync(join(app, "tsconfig.readme.json"), JSON.stringify(tsconfig, null, 2));
    const ran = await run(consumersBin("tsc"), ["-p", "tsconfig.readme.json", "--pretty", "false"], { cwd: app });
    errors = errorsByReadme(ran.stdout);
    if (ran.code !== 0 && errors.size === 0) errors.set("(tsc)", [ran.stdout + ran.stderr]);
    return errors;
  }

  it.each(modules.map((module) => module.readme))("%s compiles as written", async (readme) => {
    const found = await compileAll();
    expect(found.get(readme) ?? []).toEqual([]);
    expect(found.get("(tsc)") ?? []).toEqual([]);
  });
});
