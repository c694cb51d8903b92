// The readable summary of a run: what was checked, what passed, every violation, and every
// skipped check with its reason.
import type { ContractReport } from "./run.js";
import { formatViolation } from "./violations.js";

export interface Summary {
  target: string;
  operations: number;
  operationsChecked: number;
  checks: number;
  /** Checks that ran (were not skipped or uncovered). */
  ran: number;
  /** The least number of checks that must run; fewer fails the run. */
  minimum: number;
  passed: number;
  failed: number;
  violations: number;
  warnings: number;
  skipped: { id: string; reason: string }[];
  uncovered: { id: string; reason: string }[];
}

export function summarize(report: ContractReport): Summary {
  const ran = report.results.filter((r) => !r.outcome.skipped);
  const calledOps = new Set(
    report.results.filter((r) => r.check.group === "operation" && !r.outcome.skipped).map((r) => r.check.operationId),
  );
  return {
    target: report.target,
    operations: report.operations.length,
    operationsChecked: calledOps.size,
    checks: report.results.length,
    ran: ran.length,
    minimum: report.minimum,
    passed: ran.filter((r) => r.outcome.violations.length === 0).length,
    failed: ran.filter((r) => r.outcome.violations.length > 0).length,
    violations: ran.reduce((n, r) => n + r.outcome.violations.reduce((m, v) => m + 1 + (v.more ?? 0), 0), 0),
    warnings: ran.reduce((n, r) => n + (r.outcome.warnings?.length ?? 0), 0),
    skipped: report.results
      .filter((r) => r.outcome.skipped && !r.outcome.uncovered)
      .map((r) => ({ id: r.check.id, reason: r.outcome.skipped! })),
    uncovered: report.results.filter((r) => r.outcome.uncovered).map((r) => ({ id: r.check.id, reason: r.outcome.skipped! })),
  };
}

export function formatSummary(report: ContractReport): string {
  const s = summarize(report);
  const lines = [
    `Contract against ${s.target}`,
    `  API version: ${report.apiVersion} (${report.versionReason})`,
    `  operations: ${s.operations} in the spec, ${s.operationsChecked} called and validated`,
    `  checks: ${s.checks}: ${s.passed} passed, ${s.failed} with violations, ${s.skipped.length} skipped, ${s.uncovered.length} uncovered`,
    `  violations: ${s.violations}`,
    `  ran ${s.ran} checks, at least ${s.minimum} must run${s.ran < s.minimum ? ": TOO FEW, so this run fails" : ""}`,
  ];
  for (const r of report.results) for (const v of r.outcome.violations) lines.push(`    ${formatViolation(v)}`);
  if (s.warnings > 0)
    lines.push(
      `  warnings (not failures: limits of this spec's own and forms it lets through, see x-vbm365-own-limit and x-vbm365-lenient-format in openapi/README.md): ${s.warnings}`,
    );
  for (const r of report.results) for (const w of r.outcome.warnings ?? []) lines.push(`    warning: ${formatViolation(w)}`);
  // Grouped by reason: one line per reason, with the checks it covers.
  const byReason = new Map<string, string[]>();
  for (const { id, reason } of s.skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  if (byReason.size > 0) lines.push("  skipped:");
  for (const [reason, ids] of byReason) lines.push(`    ${ids.length} because ${reason}: ${ids.join(", ")}`);
  if (s.uncovered.length > 0) lines.push("  uncovered (the suite cannot call these yet):");
  for (const { id, reason } of s.uncovered) lines.push(`    ${id}: ${reason}`);
  return lines.join("\n");
}

/** Why a run with too few checks that ran does not count, or undefined when enough ran. */
export function tooFewRan(report: ContractReport): string | undefined {
  const { ran, minimum, checks } = summarize(report);
  if (ran >= minimum) return undefined;
  return `only ${ran} of ${checks} checks ran against ${report.target}, at least ${minimum} must: the rest were skipped (see the reasons above). Set VBM365_CONTRACT_MIN_CHECKS to change the bound.`;
}
