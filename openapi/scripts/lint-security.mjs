// `pnpm lint` (second half): the spec against Spectral's OWASP API Security Top 10 ruleset
// (.spectral.yaml, which says why each rule that cannot apply to a vendor's API is off).
// Spectral lints each version's bundle, because it cannot read the Markdown `description` $ref of the
// split spec; the bundle goes to its own folder so it never races `pnpm bundle`'s files.
// Every problem fails, warnings included.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { apiVersions } from "../index.js";
import { redocly } from "./redocly.mjs";

const specDir = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
const require = createRequire(import.meta.url);
const spectral = join(dirname(require.resolve("@stoplight/spectral-cli/package.json")), "dist", "index.js");
const SEVERITY = ["error", "warning", "info", "hint"];

/** Bundles one API version and runs Spectral on it; returns the problems, or exits on a tool failure. */
function lintVersion(version) {
  const bundleDir = join(specDir, "dist", "security-lint", version);
  const bundle = join(bundleDir, "openapi.json");
  const report = join(bundleDir, "spectral.json");
  mkdirSync(bundleDir, { recursive: true });
  const bundled = redocly(["bundle", `vbm365@${version}`, "--output", bundle], { cwd: specDir });
  if (bundled.status !== 0) {
    console.error(`${bundled.stderr || bundled.stdout}\nBundling ${version} for the security lint failed.`);
    process.exit(1);
  }
  const run = spawnSync(
    process.execPath,
    [
      spectral,
      "lint",
      bundle,
      "--ruleset",
      join(specDir, ".spectral.yaml"),
      "--format",
      "json",
      "--output",
      report,
      "--fail-severity",
      "hint",
      "--quiet",
    ],
    { cwd: specDir, encoding: "utf8", env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1" } },
  );
  try {
    return JSON.parse(readFileSync(report, "utf8"));
  } catch {
    console.error(`spectral gave no report for ${version} (exit ${run.status}):\n${run.stderr || run.stdout}`);
    process.exit(1);
  }
}

let total = 0;
for (const version of apiVersions) {
  const problems = lintVersion(version);
  for (const problem of problems) {
    console.error(
      `${version}: ${SEVERITY[problem.severity] ?? problem.severity} ${problem.code}: ${problem.message}\n    at #/${problem.path.join("/")}`,
    );
  }
  total += problems.length;
}
if (total > 0) {
  console.error(
    `\nThe spec has ${total} OWASP security problem(s). Fix them in openapi/, or turn a rule that cannot apply off in .spectral.yaml with the reason.`,
  );
  process.exit(1);
}
console.log(
  `openapi security lint: 0 problems in ${apiVersions.join(", ")} (Spectral OWASP API Security Top 10, exceptions in .spectral.yaml)`,
);
