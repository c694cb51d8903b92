// Child process of the report benchmark: only reads its input (`read`), or reads it and
// writes the report from it (`report`: aggregates, the CSV of every action and the HTML;
// `html`: the same without the CSV), and prints how long that took, the files' sizes and its own peak RSS. The input is
// `synthetic` (the in-memory stand-in) or the path of an SQLite archive (report-archive.ts).
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { aggregateReport, createActionCsvWriter, renderReportHtml, type ReportAggregates, type ReportInput } from "@vbm365/report";
import { peakRssBytes } from "./peak-rss.js";
import { archiveInput } from "./report-archive.js";
import { syntheticArchive } from "./report-input.js";

export interface ReportWriterReport {
  mode: string;
  input: string;
  sessions: number;
  events: number;
  ms: number;
  /** CPU time (user + system) of the process over the same span: less moved by other load on a shared machine. */
  cpuMs: number;
  htmlBytes: number;
  csvBytes: number;
  peakRssBytes: number;
}

type Inputs = () => AsyncIterable<ReportInput>;

async function read(inputs: Inputs): Promise<number> {
  let events = 0;
  for await (const input of inputs()) for (const event of input.events) events += event.id.length > 0 ? 1 : 0;
  return events;
}

async function report(inputs: Inputs, folder: string, withCsv: boolean): Promise<{ events: number; htmlBytes: number; csvBytes: number }> {
  const generator = { tool: "@vbm365/bench", version: "0", how: "report benchmark" };
  const csvPath = join(folder, "report.actions.csv");
  let aggregates: ReportAggregates;
  if (withCsv) {
    const csvStream = createWriteStream(csvPath);
    const csv = createActionCsvWriter(csvStream);
    aggregates = await aggregateReport(inputs(), { generator, onAction: (row) => csv.write(row) });
    await csv.flush();
    csvStream.end();
    await finished(csvStream);
  } else {
    aggregates = await aggregateReport(inputs(), { generator });
  }
  const htmlPath = join(folder, "report.html");
  writeFileSync(htmlPath, await renderReportHtml(aggregates, withCsv ? { csvFileName: "report.actions.csv" } : {}));
  return { events: aggregates.actions.total, htmlBytes: statSync(htmlPath).size, csvBytes: withCsv ? statSync(csvPath).size : 0 };
}

async function main(): Promise<void> {
  const [mode, input, sessionsText, perSessionText] = process.argv.slice(2);
  const sessions = Number(sessionsText);
  const eventsPerSession = Number(perSessionText);
  if ((mode !== "read" && mode !== "report" && mode !== "html") || !input || !(sessions > 0) || !(eventsPerSession > 0)) {
    throw new Error("usage: report-writer.js <read|report|html> <synthetic|archive file> <sessions> <eventsPerSession>");
  }
  const inputs: Inputs = input === "synthetic" ? () => syntheticArchive(sessions, eventsPerSession) : () => archiveInput(input);
  const folder = mkdtempSync(join(tmpdir(), "vbm365-bench-report-"));
  try {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result =
      mode === "read" ? { events: await read(inputs), htmlBytes: 0, csvBytes: 0 } : await report(inputs, folder, mode === "report");
    const cpu = process.cpuUsage(cpuStart);
    const out: ReportWriterReport = {
      mode,
      input: input === "synthetic" ? input : "archive",
      sessions,
      ...result,
      ms: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssBytes: peakRssBytes(),
    };
    console.log(JSON.stringify(out));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
