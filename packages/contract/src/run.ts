// The suite as a library: the list of checks for a spec, running them against a target,
// and the report. The vitest suite runs each check as a test; the must-fail tests run
// them all at once against defective servers.
import { negativeChecks } from "./checks/negative.js";
import { operationCheck } from "./checks/operation.js";
import { pagingChecks } from "./checks/paging.js";
import type { Check, CheckOutcome } from "./checks/types.js";
import { createContext, type ContractContext } from "./context.js";
import { listOperations, type OpenApiDocument } from "./spec.js";
import type { Target } from "./target.js";
import { collapse, type Violation } from "./violations.js";

export function listChecks(doc: OpenApiDocument): Check[] {
  return listOperations(doc).flatMap((op) => [operationCheck(op), ...negativeChecks(op), ...pagingChecks(op)]);
}

export interface CheckResult {
  check: Pick<Check, "id" | "title" | "group" | "operationId">;
  outcome: CheckOutcome;
}

export interface ContractReport {
  target: string;
  /** The version whose bundle judged the run, and why that one (pinned or probed). */
  apiVersion: string;
  versionReason: string;
  operations: string[];
  results: CheckResult[];
  /** Checks that must run (not be skipped) for the run to count: see minimumChecks. */
  minimum: number;
}

/**
 * How many checks must run against a target for a green run to mean something: the
 * target's own setting, else one per read operation of the spec. A target where every
 * check is skipped (a stateless mock with writes off, an unreachable list) then fails
 * instead of passing with nothing checked.
 */
export function minimumChecks(doc: OpenApiDocument, target: Pick<Target, "minChecks">): number {
  return target.minChecks ?? listOperations(doc).filter((op) => op.method === "GET").length;
}

/** Runs one check; a transport failure becomes a violation of that check, not a crash of the run. */
export async function runCheck(check: Check, ctx: ContractContext): Promise<CheckResult> {
  const { id, title, group, operationId } = check;
  let outcome: CheckOutcome;
  try {
    outcome = await check.run(ctx);
  } catch (error) {
    outcome = {
      violations: [
        { operationId, request: `(${id})`, kind: "transport", pointer: "", expected: "an answer", actual: (error as Error).message },
      ],
    };
  }
  return { check: { id, title, group, operationId }, outcome: { ...outcome, violations: collapse(outcome.violations) } };
}

export async function runContract(doc: OpenApiDocument, target: Target): Promise<ContractReport> {
  const ctx = createContext(doc, target);
  const results: CheckResult[] = [];
  for (const check of listChecks(doc)) results.push(await runCheck(check, ctx));
  return {
    target: target.name,
    apiVersion: target.apiVersion,
    versionReason: target.versionReason,
    operations: ctx.operations.map((o) => o.operationId),
    results,
    minimum: minimumChecks(doc, target),
  };
}

export function allViolations(report: ContractReport): Violation[] {
  return report.results.flatMap((r) => r.outcome.violations);
}
