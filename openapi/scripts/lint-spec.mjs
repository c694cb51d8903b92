// Lints a split spec directory with the pinned Redocly CLI and the directory's own
// redocly.yaml, and adds the one house rule Redocly cannot see in a split spec: every file
// under components/, paths/ and versions/ must be reached from openapi.yaml or a version's
// overlay (`no-unused-components` only sees the `components` section, and here components
// live in files). v7 and v8 exist only as bundles (overlays and our decorator are applied
// by `redocly bundle`), so `lintVersion` bundles a version and lints the bundle with the
// same rules.
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { redocly } from "./redocly.mjs";

/** @returns {{ problems: {ruleId: string, severity: string, message: string, where: string}[], failure?: string }} */
export function lintSpec(specDir) {
  const result = lintFile(specDir, "openapi.yaml");
  if (result.failure) return result;
  for (const file of unreachedFiles(specDir)) {
    result.problems.push({
      ruleId: "no-unused-files",
      severity: "error",
      message: "Nothing refers to this file: use it with a $ref or delete it.",
      where: file,
    });
  }
  return result;
}

/** Bundles one version (`vbm365@vN` in redocly.yaml) into dist/lint/ and lints the bundle. */
export function lintVersion(specDir, version) {
  const file = join("dist", "lint", version, "openapi.yaml");
  mkdirSync(join(specDir, dirname(file)), { recursive: true });
  const bundled = redocly(["bundle", `vbm365@${version}`, "--output", file], { cwd: specDir });
  if (bundled.status !== 0) return { problems: [], failure: `bundling ${version} failed:\n${bundled.stderr || bundled.stdout}` };
  const result = lintFile(specDir, file);
  // The overlay itself, against the Overlay specification (house rules do not apply to it).
  const overlay = join("versions", version, "overlay.yaml");
  if (result.failure || !existsSync(join(specDir, overlay))) return result;
  const overlayResult = lintFile(specDir, overlay, { isOverlay: true });
  return overlayResult.failure ? overlayResult : { problems: [...result.problems, ...overlayResult.problems] };
}

function lintFile(specDir, file, { isOverlay = false } = {}) {
  const { status, stdout, stderr } = redocly(
    ["lint", file, "--format=json", "--config", "redocly.yaml", "--lint-config=error", "--max-problems=1000"],
    { cwd: specDir },
  );
  let report;
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf("{")));
  } catch {
    // With --lint-config=error a broken redocly.yaml stops Redocly before any report.
    return { problems: [], failure: `redocly lint gave no report (exit ${status}):\n${stderr || stdout}` };
  }
  const problems = report.problems.map((problem) => ({
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    where: problem.location?.map((at) => `${at.source?.ref ?? at.source}${at.pointer ?? ""}`).join(", ") ?? "",
  }));
  // A rule that can apply to nothing in this document is a dead house rule.
  for (const line of isOverlay ? [] : stderr.split("\n").filter((text) => /unused rules/i.test(text))) {
    problems.push({ ruleId: "redocly.yaml", severity: "error", message: line.trim(), where: "redocly.yaml" });
  }
  if (status !== 0 && problems.length === 0) return { problems, failure: `redocly lint failed (exit ${status}):\n${stderr}` };
  return { problems };
}

/** Files under components/, paths/ and versions/ that no $ref chain from openapi.yaml or an overlay reaches. */
export function unreachedFiles(specDir) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file) || !existsSync(file)) return;
    reached.add(file);
    if (!/\.ya?ml$/.test(file)) return;
    for (const ref of externalRefs(parse(readFileSync(file, "utf8")))) visit(resolve(dirname(file), ref));
  };
  visit(resolve(specDir, "openapi.yaml"));
  for (const overlay of overlayFiles(specDir)) visit(overlay);
  return ["components", "paths", "versions"]
    .flatMap((folder) => listFiles(join(specDir, folder)))
    .filter((file) => !reached.has(resolve(file)))
    .map((file) => relative(specDir, file));
}

/** The overlays the `apis` entries of redocly.yaml apply. */
function overlayFiles(specDir) {
  const config = parse(readFileSync(join(specDir, "redocly.yaml"), "utf8"));
  return Object.values(config.apis ?? {}).flatMap((api) => (api.overlays ?? []).map((file) => resolve(specDir, file)));
}

function externalRefs(node) {
  if (Array.isArray(node)) return node.flatMap(externalRefs);
  if (node === null || typeof node !== "object") return [];
  const own = typeof node.$ref === "string" && !node.$ref.startsWith("#") ? [node.$ref.split("#")[0]] : [];
  return [...own, ...Object.values(node).flatMap(externalRefs)];
}

function listFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}
