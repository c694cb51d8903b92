// The TypeScript blocks of the repository's READMEs, as one module per README: a README
// reads top to bottom, so a later block may use what an earlier one declared (the client's
// "Each call" uses the `vbm` made in "Create a client"). Each line remembers where it came
// from, so a compiler error can name the README line.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

export interface ReadmeModule {
  /** README path relative to the repository root. */
  readme: string;
  source: string;
  /** README line number of each line of `source` (1-based both). */
  lines: number[];
}

const GROUPS = ["packages", "apps", "tests"];

/** Every README.md of the repository: the root one, the spec's and each package's. */
export function readmes(repoRoot: string): string[] {
  const folders = [
    repoRoot,
    join(repoRoot, "openapi"),
    ...GROUPS.flatMap((group) => readdirSync(join(repoRoot, group)).map((name) => join(repoRoot, group, name))),
  ];
  return folders
    .map((folder) => join(folder, "README.md"))
    .filter((file) => existsSync(file))
    .map((file) => relative(repoRoot, file));
}

export function typeScriptOf(repoRoot: string, readme: string): ReadmeModule | undefined {
  const text = readFileSync(join(repoRoot, readme), "utf8").split("\n");
  const source: string[] = [];
  const lines: number[] = [];
  let inBlock = false;
  text.forEach((line, index) => {
    if (!inBlock && /^```(ts|typescript)\s*$/.test(line)) inBlock = true;
    else if (inBlock && /^```\s*$/.test(line)) inBlock = false;
    else if (inBlock) {
      source.push(line);
      lines.push(index + 1);
    }
  });
  return source.length > 0 ? { readme, source: `${source.join("\n")}\n`, lines } : undefined;
}
