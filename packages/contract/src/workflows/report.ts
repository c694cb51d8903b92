// The readable account of a workflows run: per workflow passed, failed with the checks
// that failed, or skipped with the reason.
import type { WorkflowReport } from "./run.js";

export function formatWorkflowReport(report: WorkflowReport): string {
  const lines = [
    `Arazzo workflows (redocly respect) against ${report.target}`,
    `  API version: ${report.apiVersion} (${report.versionReason})`,
  ];
  for (const r of report.results) {
    const name = `${r.file} / ${r.workflowId}`;
    if (r.skipped) lines.push(`  ${name}: skipped because ${r.skipped}`);
    else if (r.passed) lines.push(`  ${name}: passed, ${r.steps} steps: ${r.summary}`);
    else lines.push(`  ${name}: FAILED after ${r.steps} steps`, ...r.failures.map((f) => `    ${f}`));
  }
  if (report.error) lines.push("  Respect's output:", ...report.error.split("\n").map((line) => `    ${line}`));
  return lines.join("\n");
}
