// The report over 100,000 sessions and 1,000,000 events: reading the input alone against
// reading it and writing the report (aggregates, CSV of every action, HTML), in separate
// processes, alternating. The input is a synthetic in-memory async iterable standing in for
// the archive: each session is parsed from JSON text, as stored rows would be.
import { runChild } from "./child.js";
import { median } from "./measure.js";
import { MB } from "./peak-rss.js";
import type { Row } from "./report.js";
import type { ReportWriterReport } from "./report-writer.js";

export interface ReportPlan {
  sessions: number;
  eventsPerSession: number;
  runs: number;
}

export const REPORT_READ = "read the input (synthetic archive)";
export const REPORT_ALL = "read the input and write the report";
export const REPORT_WRITE = "writing the report (difference)";
export const REPORT_READ_CPU = "read the input: CPU time";
export const REPORT_WRITE_CPU = "writing the report: CPU time (difference)";
export const REPORT_HTML = "report HTML file";
export const REPORT_CSV = "CSV of every action beside it";
export const REPORT_RSS = "report writer: peak RSS";

async function once(mode: "read" | "report", plan: ReportPlan): Promise<ReportWriterReport> {
  const report = await runChild<ReportWriterReport>("report-writer.js", [mode, String(plan.sessions), String(plan.eventsPerSession)]);
  const events = plan.sessions * plan.eventsPerSession;
  if (report.events !== events) throw new Error(`${mode} saw ${report.events} events, the input has ${events}`);
  return report;
}

export async function benchReport(plan: ReportPlan): Promise<Row[]> {
  const reads: ReportWriterReport[] = [];
  const reports: ReportWriterReport[] = [];
  for (let run = 0; run < plan.runs; run++) {
    for (const mode of run % 2 === 0 ? (["read", "report"] as const) : (["report", "read"] as const)) {
      (mode === "read" ? reads : reports).push(await once(mode, plan));
    }
  }
  const read = median(reads.map((r) => r.ms));
  const all = median(reports.map((r) => r.ms));
  const readCpu = median(reads.map((r) => r.cpuMs));
  const allCpu = median(reports.map((r) => r.cpuMs));
  const last = reports.at(-1)!;
  const note = `${plan.sessions.toLocaleString("en-US")} sessions, ${(plan.sessions * plan.eventsPerSession).toLocaleString("en-US")} events`;
  return [
    {
      group: "report",
      name: REPORT_READ,
      median: read,
      unit: "ms",
      samples: plan.runs,
      note: `${note}; in-memory stand-in for the archive`,
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
