// A "Workflows" section for the reference page, generated from the Arazzo files in
// openapi/workflows: per workflow its purpose, inputs, and each step with the operation it
// calls (linked to the operation on the page), what the step checks and what it hands on.
// The files stay the only source; nothing here restates a step.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { bundleJsonPath } from "@vbm365/openapi";
import { redocly } from "@vbm365/openapi/redocly";

/** openapi/workflows, found from the spec package's bundle path (openapi/dist/..). */
export const workflowsDir = join(dirname(dirname(bundleJsonPath)), "workflows");

/** The workflows are written against this API version; other pages do not show them. */
const workflowsVersion = "v6";

/** Every `*.arazzo.yaml` as JSON (through `redocly bundle`), sorted by file name. */
export function readWorkflows(dir = workflowsDir) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".arazzo.yaml"))
    .sort();
  if (files.length === 0) return [];
  const out = mkdtempSync(join(tmpdir(), "docs-arazzo-"));
  try {
    const { status, stdout, stderr } = redocly([
      "bundle",
      ...files.map((f) => join(dir, f)),
      "--ext",
      "json",
      "--output",
      out,
      "--config",
      join(dir, "redocly.yaml"),
    ]);
    if (status !== 0) throw new Error(`Reading the workflows in ${dir} failed:\n${stdout}\n${stderr}`);
    return files.map((file) => ({ file, ...JSON.parse(readFileSync(join(out, `${basename(file, ".yaml")}.json`), "utf8")) }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const code = (text) => `\`${String(text).replaceAll("`", "'")}\``;
const cell = (text) =>
  String(text ?? "")
    .replaceAll("|", "\\|")
    .replace(/\s+/g, " ")
    .trim();

function criterion(c) {
  return c.type === "jsonpath" ? `${code(c.condition)} on ${code(c.context)}` : code(c.condition);
}

/** What a step calls: the operation (a link on the page), another workflow, or a link followed as given. */
function target(step, operationIds) {
  if (step.operationId)
    return operationIds.has(step.operationId) ? `[${step.operationId}](#operation/${step.operationId})` : code(step.operationId);
  if (step.workflowId) return `workflow ${code(step.workflowId)}`;
  const op = step["x-operation"];
  return op ? `${String(op.method).toUpperCase()} ${code(op.url)}` : "";
}

function inputsOf(workflow) {
  const props = workflow.inputs?.properties ?? {};
  return Object.entries(props).flatMap(([name, schema]) =>
    name === "env"
      ? Object.entries(schema.properties ?? {}).map(([variable, s]) => `- ${code(variable)} (environment): ${s.description ?? ""}`)
      : [`- ${code(name)}: ${schema.description ?? ""}`],
  );
}

function workflowMarkdown(workflow, operationIds) {
  const lines = [`#### ${code(workflow.workflowId)}: ${workflow.summary ?? ""}`, "", workflow.description ?? "", ""];
  const inputs = inputsOf(workflow);
  if (inputs.length > 0) lines.push("Inputs:", "", ...inputs, "");
  lines.push("| step | calls | succeeds when | hands on |", "|---|---|---|---|");
  for (const step of workflow.steps) {
    const checks = (step.successCriteria ?? []).map(criterion).join("<br>");
    const outputs = Object.keys(step.outputs ?? {})
      .map(code)
      .join(", ");
    lines.push(`| ${code(step.stepId)}: ${cell(step.description)} | ${target(step, operationIds)} | ${checks} | ${outputs} |`);
  }
  lines.push("");
  return lines;
}

/** The section's Markdown: one subsection per file, the run command first. */
export function workflowsMarkdown(docs, operationIds = new Set()) {
  const lines = [
    "## Workflows",
    "",
    "The calls people chain together, as [Arazzo](https://spec.openapis.org/arazzo/latest.html) workflows in",
    "`openapi/workflows/`. Each step checks its answer against this reference (status, content type, schema)",
    "and its own success criteria. Run them against a server with",
    "`VBM365_URL=... VBM365_USERNAME=... VBM365_PASSWORD=... pnpm contract --workflows`",
    "(the one that stops a session only with `VBM365_CONTRACT_ALLOW_WRITES=1`).",
    "",
  ];
  for (const doc of docs) {
    lines.push(
      `### ${doc.info.title}`,
      "",
      doc.info.summary ?? "",
      "",
      doc.info.description ?? "",
      "",
      `File: \`openapi/workflows/${doc.file}\``,
      "",
    );
    for (const workflow of doc.workflows) lines.push(...workflowMarkdown(workflow, operationIds));
  }
  return lines.join("\n");
}

/** A copy of `spec` whose description ends with the workflows section (on the v6 page only). */
export function withWorkflows(spec, read = readWorkflows) {
  if ((spec.info?.["x-api-version"] ?? workflowsVersion) !== workflowsVersion) return spec;
  const docs = read();
  if (docs.length === 0) return spec;
  const operationIds = new Set(
    Object.values(spec.paths ?? {}).flatMap((item) => Object.values(item).flatMap((op) => (op?.operationId ? [op.operationId] : []))),
  );
  const copy = structuredClone(spec);
  copy.info.description = `${copy.info.description ?? ""}\n\n${workflowsMarkdown(docs, operationIds)}`;
  return copy;
}
