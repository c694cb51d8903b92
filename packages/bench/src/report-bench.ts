// The report over 100,000 sessions and 1,000,000 events: reading the input alone against
// reading it and writing the report (aggregates, CSV of every action, HTML), in separate
// processes, alternating. The input the targets judge is a real SQLite archive of those
// sessions read through the reader API, as `report --archive` reads it; the same sessions
// from an in-memory stand-in (cheaper to read, so a harder ratio) are measured beside it.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChild } from "./child.js";
import { median } from "./measure.js";
import { MB } from "./peak-rss.js";
import type { Row } from "./report.js";
import { fillReportArchive } from "./report-archive.js";
import type { ReportWriterReport } from "./report-writer.js";

export interface ReportPlan {
  sessions: number;
  eventsPerSession: number;
  runs: number;
}

export const REPORT_READ = "read the input (SQLite archive)";
export const REPORT_ALL = "read the input and write the report";
export const REPORT_WRITE = "writing the report (difference)";
export const REPORT_READ_CPU = "read the input: CPU time";
export const REPORT_WRITE_CPU = "writing the report: CPU time (difference)";
export const REPORT_HTML = "report HTML file";
export const REPORT_CSV = "CSV of every action beside it";
export const REPORT_RSS = "report writer: peak RSS";
export const REPORT_ARCHIVE_FILE = "SQLite archive file";
export const REPORT_HTML_ONLY_CPU = "writing the HTML report without the CSV: CPU time (difference)";
export const STANDIN_READ_CPU = "stand-in input (in memory): read, CPU time";
export const STANDIN_WRITE_CPU = "stand-in input (in memory): writing the report, CPU time (difference)";

type Mode = "read" | "report" | "html";

async function once(mode: Mode, input: string, plan: ReportPlan): Promise<ReportWriterReport> {
  const args = [mode, input, String(plan.sessions), String(plan.eventsPerSession)];
  const report = await runChild<ReportWriterReport>("report-writer.js", args);
  const events = plan.sessions * plan.eventsPerSession;
  if (report.events !== events) throw new Error(`${mode} of ${report.input} saw ${report.events} events, the input has ${events}`);
  return report;
}

type Runs = Record<Mode, ReportWriterReport[]>;

/** `runs` runs of each mode on one input, turning the order round from run to run. */
async function measure(input: string, modes: Mode[], plan: ReportPlan): Promise<Runs> {
  const runs: Runs = { read: [], report: [], html: [] };
  for (let run = 0; run < plan.runs; run++) {
    const order = run % 2 === 0 ? modes : [...modes].reverse();
    for (const mode of order) runs[mode].push(await once(mode, input, plan));
  }
  return runs;
}

export async function benchReport(plan: ReportPlan): Promise<Row[]> {
  const folder = mkdtempSync(join(tmpdir(), "vbm365-bench-report-archive-"));
  try {
    const file = join(folder, "archive.db");
    const fillStarted = performance.now();
    await fillReportArchive(file, plan.sessions, plan.eventsPerSession);
    const fillMs = performance.now() - fillStarted;
    const archive = await measure(file, ["read", "report", "html"], plan);
    const standIn = await measure("synthetic", ["read", "report"], plan);
    return [...archiveRows(plan, archive, statSync(file).size, fillMs), ...standInRows(plan, standIn)];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function archiveRows(plan: ReportPlan, { read: reads, report: reports, html }: Runs, fileBytes: number, fillMs: number): Row[] {
  const read = median(reads.map((r) => r.ms));
  const all = median(reports.map((r) => r.ms));
  const readCpu = median(reads.map((r) => r.cpuMs));
  const allCpu = median(reports.map((r) => r.cpuMs));
  const last = reports.at(-1)!;
  const note = `${plan.sessions.toLocaleString("en-US")} sessions, ${(plan.sessions * plan.eventsPerSession).toLocaleString("en-US")} events`;
  return [
    {
      group: "report",
      name: REPORT_ARCHIVE_FILE,
      median: fileBytes / MB,
      unit: "MB",
      note: `${note}, written straight through SQL in ${(fillMs / 1000).toFixed(1)} s`,
    },
    {
      group: "report",
      name: REPORT_READ,
      median: read,
      unit: "ms",
      samples: plan.runs,
      note: `${note}: openArchive(file).sessionsWithEvents(), every event touched`,
    },
    { group: "report", name: REPORT_ALL, median: all, unit: "ms", samples: plan.runs, note },
    {
      group: "report",
      name: REPORT_WRITE,
      median: all - read,
      unit: "ms",
      ratioTo: REPORT_READ,
      samples: plan.runs,
      note: "aggregates, CSV and HTML: the second row minus the first",
    },
    {
      group: "report",
      name: REPORT_READ_CPU,
      median: readCpu,
      unit: "ms",
      samples: plan.runs,
      note: "user + system time of the reading process",
    },
    {
      group: "report",
      name: REPORT_WRITE_CPU,
      median: allCpu - readCpu,
      unit: "ms",
      ratioTo: REPORT_READ_CPU,
      samples: plan.runs,
      note: "less moved than wall time by other load on the machine",
    },
    {
      group: "report",
      name: REPORT_HTML_ONLY_CPU,
      median: median(html.map((r) => r.cpuMs)) - readCpu,
      unit: "ms",
      ratioTo: REPORT_READ_CPU,
      samples: plan.runs,
      note: "not a target: aggregates and HTML alone, to show what the CSV of every action costs",
    },
    { group: "report", name: REPORT_HTML, median: last.htmlBytes / MB, unit: "MB", note: "the action table holds the first 1,000 actions" },
    { group: "report", name: REPORT_CSV, median: last.csvBytes / MB, unit: "MB" },
    {
      group: "report",
      name: REPORT_RSS,
      median: Math.max(...reports.map((r) => r.peakRssBytes)) / MB,
      unit: "MB",
      note: "max over runs, writer process only",
    },
  ];
}

/** The same report from the in-memory stand-in: a cheaper read, so the harder ratio. */
function standInRows(plan: ReportPlan, { read: reads, report: reports }: Runs): Row[] {
  const readCpu = median(reads.map((r) => r.cpuMs));
  const allCpu = median(reports.map((r) => r.cpuMs));
  return [
    {
      group: "report",
      name: STANDIN_READ_CPU,
      median: readCpu,
      unit: "ms",
      samples: plan.runs,
      note: "each session parsed from JSON text already in memory",
    },
    {
      group: "report",
      name: STANDIN_WRITE_CPU,
      median: allCpu - readCpu,
      unit: "ms",
      ratioTo: STANDIN_READ_CPU,
      samples: plan.runs,
      note: "not a target: shows what the report itself costs",
    },
  ];
}
