// The Arazzo workflows of the repository (openapi/workflows/*.arazzo.yaml), read as JSON
// through `redocly bundle`, with what the runner needs to know of each workflow: is it
// an entry (not only called by another), does it write, which inputs does it take.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { bundleYamlPath } from "@vbm365/openapi";
import { isWrite } from "../checks/operation.js";
import type { Operation } from "../spec.js";
import { redocly } from "./redocly.js";

/** openapi/workflows, found from the spec package's bundle path (openapi/dist/..). */
export const workflowsDir = join(dirname(dirname(bundleYamlPath)), "workflows");
export const workflowsLintConfig = join(workflowsDir, "redocly.yaml");

interface ArazzoStep {
  stepId: string;
  operationId?: string;
  workflowId?: string;
}

interface ArazzoWorkflow {
  workflowId: string;
  summary?: string;
  inputs?: { required?: string[]; properties?: Record<string, unknown> };
  steps: ArazzoStep[];
}

export interface ArazzoDocument {
  info: { title: string; summary?: string };
  sourceDescriptions: { name: string; type: string; url: string }[];
  workflows: ArazzoWorkflow[];
}

export interface WorkflowInfo {
  file: string;
  workflowId: string;
  summary: string;
  /** Called by no other workflow: the runner starts it. */
  entry: boolean;
  /** A step changes server state (a secured call that is not a read). */
  writes: boolean;
  /** Required inputs besides `env` (which Respect fills from the environment). */
  inputs: string[];
  /** The OpenAPI source description's name, for `--server name=url`. */
  source: string;
}

export function workflowFiles(dir = workflowsDir): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".arazzo.yaml"))
    .sort()
    .map((name) => join(dir, name));
}

const read = new Map<string, Promise<Map<string, ArazzoDocument>>>();

/** Every file as JSON, by its path: one `redocly bundle` for all, once per process. */
export function readArazzo(files: string[]): Promise<Map<string, ArazzoDocument>> {
  const key = files.join("\n");
  if (!read.has(key)) read.set(key, bundleAll(files));
  return read.get(key)!;
}

async function bundleAll(files: string[]): Promise<Map<string, ArazzoDocument>> {
  const out = mkdtempSync(join(tmpdir(), "arazzo-"));
  try {
    const { status, output } = await redocly(["bundle", ...files, "--ext", "json", "--output", out, "--config", workflowsLintConfig]);
    if (status !== 0) throw new Error(`redocly bundle of the workflows failed:\n${output}`);
    return new Map(
      files.map((file) => [
        file,
        JSON.parse(readFileSync(join(out, basename(file).replace(/\.yaml$/, ".json")), "utf8")) as ArazzoDocument,
      ]),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function describeWorkflows(file: string, doc: ArazzoDocument, operations: Operation[]): WorkflowInfo[] {
  const called = new Set(doc.workflows.flatMap((w) => w.steps.flatMap((s) => (s.workflowId ? [s.workflowId] : []))));
  const source = doc.sourceDescriptions.find((s) => s.type === "openapi")?.name ?? "";
  return doc.workflows.map((w) => ({
    file,
    workflowId: w.workflowId,
    summary: w.summary ?? "",
    entry: !called.has(w.workflowId),
    writes: w.steps.some((s) => {
      const op = operations.find((o) => o.operationId === s.operationId);
      return op !== undefined && isWrite(op);
    }),
    inputs: (w.inputs?.required ?? []).filter((name) => name !== "env"),
    source,
  }));
}
