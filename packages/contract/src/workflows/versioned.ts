// The workflows are written once, for every API version: steps name operations by
// operationId (the same in v6, v7 and v8) and `next` links are followed as the server
// wrote them, so no path in them carries a version. What does differ per version is
// rewritten here into copies Respect runs: the OpenAPI source points at the chosen
// version's bundle (whose paths carry /v7/ or /v8/, and whose schemas judge the answers),
// from v7 on the password log-in sends disable_antiforgery_token=true, as the suite's own
// log-in does (a scripted client cannot answer an antiforgery challenge), and a success
// status the version does not declare (v6's Stop `200`, which is `204` in v8) becomes the
// one it does. Respect's own status check cannot tell them apart: every operation also
// declares a `default` response.
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { bundlePaths, type ApiVersion } from "@vbm365/openapi";
import type { Operation } from "../spec.js";
import type { ArazzoDocument } from "./files.js";

interface VersionedStep {
  operationId?: string;
  requestBody?: { payload?: Record<string, unknown> };
  successCriteria?: { condition: string; type?: string }[];
}

const statusCriterion = /^\$statusCode == (2\d\d)$/;

/** `$statusCode == 200` where the version's operation declares only `204`: the declared one. */
function declaredStatus(condition: string, op: Operation | undefined): string {
  const written = statusCriterion.exec(condition.trim())?.[1];
  if (!written || !op || op.responses[written]) return condition;
  const declared = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
  return declared.length === 1 ? `$statusCode == ${declared[0]}` : condition;
}

/** A deep copy of one workflow file, held to `version`, whose bundle lists `operations`. */
export function forVersion(doc: ArazzoDocument, version: ApiVersion, operations: Operation[]): ArazzoDocument {
  const copy = structuredClone(doc);
  for (const source of copy.sourceDescriptions) if (source.type === "openapi") source.url = bundlePaths(version).yaml;
  for (const workflow of copy.workflows) {
    for (const step of workflow.steps as VersionedStep[]) {
      const op = operations.find((o) => o.operationId === step.operationId);
      for (const criterion of step.successCriteria ?? [])
        if (!criterion.type) criterion.condition = declaredStatus(criterion.condition, op);
      const payload = step.requestBody?.payload;
      if (version !== "v6" && step.operationId === "token" && payload?.grant_type === "password") payload.disable_antiforgery_token = true;
    }
  }
  return copy;
}

/**
 * Writes the copies into `dir` under their own names (JSON, which is YAML too), and
 * returns their paths in the order of `files`.
 */
export function writeForVersion(
  files: string[],
  docs: Map<string, ArazzoDocument>,
  version: ApiVersion,
  operations: Operation[],
  dir: string,
): Map<string, string> {
  const written = new Map<string, string>();
  for (const file of files) {
    const copy = join(dir, basename(file));
    writeFileSync(copy, JSON.stringify(forVersion(docs.get(file)!, version, operations), null, 2));
    written.set(file, copy);
  }
  return written;
}
