// The readable account of a fuzz run: per property its runs and time, or why it was
// skipped, and for a failure the shrunk request with the command that replays it.
import type { FuzzReport } from "./run.js";
import { formatTally } from "./tally.js";

export function replayCommand(report: FuzzReport, property: string, path?: string): string {
  return `pnpm contract --fuzz --seed ${report.seed} --property ${property}${path ? ` --path ${path}` : ` --runs ${report.options.runs}`}`;
}

export function formatFuzzReport(report: FuzzReport): string {
  const { options } = report;
  const lines = [
    `Fuzz against ${report.target}: seed ${report.seed}, up to ${options.runs} runs per property, at most ${options.maxTimeMs / 1000} s`,
  ];
  lines.push(`  API version: ${report.apiVersion} (${report.versionReason})`);
  for (const r of report.results) {
    if (r.skipped) {
      lines.push(`  ${r.name}: skipped because ${r.skipped}`);
      continue;
    }
    for (const reason of r.notChecked) lines.push(`  ${r.name}: not checked here: ${reason}`);
    const discarded = r.discarded > 0 ? `, ${r.discarded} discarded (429)` : "";
    const cut = r.interrupted ? " (time share used up)" : "";
    if (!r.failure) {
      lines.push(`  ${r.name}: passed ${r.runs} runs in ${(r.ms / 1000).toFixed(1)} s${discarded}${cut}: ${r.title}`);
      continue;
    }
    lines.push(`  ${r.name}: FAILED after ${r.runs} runs, shrunk in ${r.failure.shrinks} steps to:`);
    for (const line of r.failure.counterexample.split("\n")) lines.push(`    ${line}`);
    for (const line of r.failure.error.split("\n")) lines.push(`    ${line}`);
    lines.push(
      `    replay: ${replayCommand(report, r.name, r.replayByPath ? r.failure.path : undefined)} (with the same VBM365_* settings)`,
    );
  }
  // Last, as the run's account: what was checked, and what only warns.
  lines.push(...formatTally(report.tally));
  return lines.join("\n");
}

/** Why the run does not count: no property ran at all. */
export function nothingFuzzed(report: FuzzReport): string | undefined {
  if (report.results.some((r) => !r.skipped && r.runs > 0)) return undefined;
  return `no property ran against ${report.target}: ${report.results.map((r) => `${r.name} ${r.skipped ? `skipped (${r.skipped})` : "ran 0 times"}`).join("; ")}`;
}
