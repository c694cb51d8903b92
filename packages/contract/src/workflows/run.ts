// Runs the Arazzo workflows against a target with `redocly respect`, in one invocation:
// every entry workflow the target can take (writes only where allowed, credentials
// needed for the log-in), with the target as the server and the inputs filled in. The
// result per workflow comes from Respect's JSON output, secrets masked.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { writesOffReason } from "../checks/types.js";
import { listOperations } from "../spec.js";
import type { Target } from "../target.js";
import { specOf } from "../version.js";
import { redactText } from "../violations.js";
import { describeWorkflows, readArazzo, workflowFiles, workflowsLintConfig, type WorkflowInfo } from "./files.js";
import { workflowInputs } from "./inputs.js";
import { redocly } from "./redocly.js";
import { writeForVersion } from "./versioned.js";

export interface WorkflowOptions {
  /** Only this workflow id. */
  workflow?: string;
  /** Respect's bound on steps (a `next` that never ends stops here). */
  maxSteps?: number;
  env?: NodeJS.ProcessEnv;
}

export interface WorkflowResult {
  file: string;
  workflowId: string;
  summary: string;
  skipped?: string;
  passed: boolean;
  /** Steps run, child workflows' included. */
  steps: number;
  /** `stepId: check: what failed`, one per failed check. */
  failures: string[];
}

export interface WorkflowReport {
  target: string;
  /** The version the workflows ran in, and why that one (pinned or probed). */
  apiVersion: string;
  versionReason: string;
  results: WorkflowResult[];
  /** Respect's own output when it failed before running anything (a struct error). */
  error?: string;
}

interface Check {
  name: string;
  passed: boolean;
  message?: string;
  condition?: string;
}
interface ExecutedStep {
  type: "step" | "workflow";
  stepId?: string;
  workflowId?: string;
  checks?: Check[];
  executedSteps?: ExecutedStep[];
}
interface RespectOutput {
  files: Record<string, { executedWorkflows: (ExecutedStep & { workflowId: string })[] }>;
}

function skipReason(info: WorkflowInfo, target: Target, inputs: Record<string, string>): string | undefined {
  if (!target.credentials) return "the workflows log in: give VBM365_USERNAME and VBM365_PASSWORD (a VBM365_TOKEN alone is not enough)";
  if (info.writes && !target.allowWrites) return writesOffReason;
  const missing = info.inputs.filter((name) => inputs[name] === undefined);
  if (missing.includes("sessionId")) return "no Working session to stop: set VBM365_WORKFLOW_SESSION to the id of one";
  if (missing.length > 0) return `it needs the input ${missing.join(", ")}, which the runner cannot fill`;
  return undefined;
}

/** Every step run and every failed check, through child workflows. */
function walkSteps(steps: ExecutedStep[] = [], failures: string[]): number {
  let count = 0;
  for (const step of steps) {
    if (step.type === "workflow") {
      count += walkSteps(step.executedSteps, failures);
      continue;
    }
    count++;
    for (const check of step.checks ?? []) {
      // The condition, or the first line of the message (the rest is a snippet of the body).
      const what =
        check.condition ??
        (check.message ?? "")
          .split("\n")
          .find((line) => line.trim() !== "")
          ?.trim() ??
        "";
      if (!check.passed) failures.push(redactText(`${step.stepId}: ${check.name}: ${what}`));
    }
  }
  return count;
}

/** Runs the workflows in the target's API version (pinned or probed when the target started). */
export async function runWorkflows(target: Target, options: WorkflowOptions = {}): Promise<WorkflowReport> {
  const operations = listOperations(specOf(target.apiVersion));
  const infos: WorkflowInfo[] = [];
  const arazzo = await readArazzo(workflowFiles());
  for (const [file, workflows] of arazzo) infos.push(...describeWorkflows(file, workflows, operations));
  const header = { target: target.name, apiVersion: target.apiVersion, versionReason: target.versionReason };
  const entries = infos.filter((w) => w.entry && (!options.workflow || w.workflowId === options.workflow));
  const needs = new Set(entries.flatMap((w) => w.inputs));
  const inputs = await workflowInputs(target, needs, options.env);
  const results: WorkflowResult[] = entries.map((w) => ({
    file: basename(w.file),
    workflowId: w.workflowId,
    summary: w.summary,
    skipped: skipReason(w, target, inputs),
    passed: false,
    steps: 0,
    failures: [],
  }));
  const runnable = entries.filter((w) => !results.find((r) => r.workflowId === w.workflowId)!.skipped);
  if (runnable.length === 0) return { ...header, results };

  const scratch = mkdtempSync(join(tmpdir(), "respect-"));
  try {
    const jsonOutput = join(scratch, "respect.json");
    const env: NodeJS.ProcessEnv = { VBM365_USERNAME: target.credentials!.username, VBM365_PASSWORD: target.credentials!.password };
    if (target.ca) {
      env.NODE_EXTRA_CA_CERTS = join(scratch, "ca.pem");
      writeFileSync(env.NODE_EXTRA_CA_CERTS, target.ca);
    }
    // The copies held to the target's version (its bundle, its log-in form).
    const copies = writeForVersion([...new Set(runnable.map((w) => w.file))], arazzo, target.apiVersion, operations, scratch);
    const files = [...copies.values()];
    const servers = [...new Set(runnable.map((w) => `${w.source}=${inputs.serverUrl}`))];
    const args = [
      "respect",
      ...files,
      ...runnable.flatMap((w) => ["--workflow", w.workflowId]),
      ...servers.flatMap((s) => ["--server", s]),
      "--input",
      JSON.stringify(inputs),
      "--json-output",
      jsonOutput,
      "--max-steps",
      String(options.maxSteps ?? 500),
      "--execution-timeout",
      "60000",
    ];
    const { output } = await redocly(args, env);
    let parsed: RespectOutput;
    try {
      parsed = JSON.parse(readFileSync(jsonOutput, "utf8")) as RespectOutput;
    } catch {
      return {
        ...header,
        results: results.map((r) => (r.skipped ? r : { ...r, failures: ["Respect ran nothing (see its output)"] })),
        error: redactText(output),
      };
    }
    // Workflow ids are unique across the files (Respect's --workflow names them alone).
    for (const file of Object.values(parsed.files)) {
      for (const executed of file.executedWorkflows) {
        const result = results.find((r) => r.workflowId === executed.workflowId);
        if (!result) continue;
        result.steps = walkSteps(executed.executedSteps, result.failures);
        result.passed = result.failures.length === 0 && result.steps > 0;
      }
    }
    return { ...header, results };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `redocly lint` of the Arazzo files with their own rules; the output names every problem. */
export async function lintWorkflows(files = workflowFiles()): Promise<{ ok: boolean; output: string }> {
  const { status, output } = await redocly(["lint", "--config", workflowsLintConfig, ...files]);
  return { ok: status === 0, output };
}
