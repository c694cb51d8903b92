// Lints a split spec directory with the pinned Redocly CLI and the directory's own
// redocly.yaml, and adds the one house rule Redocly cannot see in a split spec: every file
// under components/ and paths/ must be reached from openapi.yaml (`no-unused-components`
// only sees the `components` section, and here components live in files).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { redocly } from "./redocly.mjs";

/** @returns {{ problems: {ruleId: string, severity: string, message: string, where: string}[], failure?: string }} */
export function lintSpec(specDir) {
  const { status, stdout, stderr } = redocly(
    ["lint", "openapi.yaml", "--format=json", "--config", "redocly.yaml", "--lint-config=error", "--max-problems=1000"],
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
  for (const line of stderr.split("\n").filter((text) => /unused rules/i.test(text))) {
    problems.push({ ruleId: "redocly.yaml", severity: "error", message: line.trim(), where: "redocly.yaml" });
  }
  for (const file of unreachedFiles(specDir)) {
    problems.push({
      ruleId: "no-unused-files",
      severity: "error",
      message: "Nothing refers to this file: use it with a $ref or delete it.",
      where: file,
    });
  }
  if (status !== 0 && problems.length === 0) return { problems, failure: `redocly lint failed (exit ${status}):\n${stderr}` };
  return { problems };
}

/** Files under components/ and paths/ that no $ref chain from openapi.yaml reaches. */
export function unreachedFiles(specDir) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file) || !existsSync(file)) return;
    reached.add(file);
    if (!/\.ya?ml$/.test(file)) return;
    for (const ref of externalRefs(parse(readFileSync(file, "utf8")))) visit(resolve(dirname(file), ref));
  };
  visit(resolve(specDir, "openapi.yaml"));
  return ["components", "paths"]
    .flatMap((folder) => listFiles(join(specDir, folder)))
    .filter((file) => !reached.has(resolve(file)))
    .map((file) => relative(specDir, file));
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
