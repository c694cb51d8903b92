// `pnpm lint` (second half): the spec against Spectral's OWASP API Security Top 10 ruleset
// (.spectral.yaml, which says why each rule that cannot apply to a vendor's API is off).
// Spectral lints a bundle, because it cannot read the Markdown `description` $ref of the
// split spec; the bundle goes to its own folder so it never races `pnpm bundle`'s files.
// Every problem fails, warnings included.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { redocly } from "./redocly.mjs";

const specDir = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
const bundleDir = join(specDir, "dist", "security-lint");
const bundle = join(bundleDir, "openapi.json");
const report = join(bundleDir, "spectral.json");
mkdirSync(bundleDir, { recursive: true });

const bundled = redocly(["bundle", "openapi.yaml", "--output", bundle], { cwd: specDir });
if (bundled.status !== 0) {
  console.error(`${bundled.stderr || bundled.stdout}\nBundling for the security lint failed.`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const spectral = join(dirname(require.resolve("@stoplight/spectral-cli/package.json")), "dist", "index.js");
const run = spawnSync(
  process.execPath,
  [spectral, "lint", bundle, "--ruleset", join(specDir, ".spectral.yaml"), "--format", "json", "--output", report, "--fail-severity", "hint", "--quiet"],
  { cwd: specDir, encoding: "utf8", env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1" } },
);
let problems;
try {
  problems = JSON.parse(readFileSync(report, "utf8"));
} catch {
  console.error(`spectral gave no report (exit ${run.status}):\n${run.stderr || run.stdout}`);
  process.exit(1);
}
const SEVERITY = ["error", "warning", "info", "hint"];
for (const problem of problems) {
  console.error(`${SEVERITY[problem.severity] ?? problem.severity} ${problem.code}: ${problem.message}\n    at #/${problem.path.join("/")}`);
}
if (problems.length > 0 || run.status !== 0) {
  console.error(`\nThe spec has ${problems.length} OWASP security problem(s). Fix them in openapi/, or turn a rule that cannot apply off in .spectral.yaml with the reason.`);
  process.exit(1);
}
console.log("openapi security lint: 0 problems (Spectral OWASP API Security Top 10, exceptions in .spectral.yaml)");
