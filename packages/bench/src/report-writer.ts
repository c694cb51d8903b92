// Child process of the report benchmark: either only reads the synthetic archive (`read`)
// or reads it and writes the report from it (`report`: aggregates, the CSV of every action
// and the HTML), and prints how long that took, the files' sizes and its own peak RSS.
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { aggregateReport, createActionCsvWriter, renderReportHtml } from "@vbm365/report";
import { peakRssBytes } from "./peak-rss.js";
import { syntheticArchive } from "./report-input.js";

export interface ReportWriterReport {
  mode: string;
  sessions: number;
  events: number;
  ms: number;
  /** CPU time (user + system) of the process over the same span: less moved by other load on a shared machine. */
  cpuMs: number;
  htmlBytes: number;
  csvBytes: number;
  peakRssBytes: number;
}

async function read(sessions: number, eventsPerSession: number): Promise<number> {
  let events = 0;
  for await (const input of syntheticArchive(sessions, eventsPerSession))
    for (const event of input.events) events += event.id.length > 0 ? 1 : 0;
  return events;
}

async function report(
  sessions: number,
  eventsPerSession: number,
  folder: string,
): Promise<{ events: number; htmlBytes: number; csvBytes: number }> {
  const csvPath = join(folder, "report.actions.csv");
  const csvStream = createWriteStream(csvPath);
  const csv = createActionCsvWriter(csvStream);
  const aggregates = await aggregateReport(syntheticArchive(sessions, eventsPerSession), {
    generator: { tool: "@vbm365/bench", version: "0", how: "synthetic archive" },
    onAction: (row) => csv.write(row),
  });
  await csv.flush();
  csvStream.end();
  await finished(csvStream);
  const htmlPath = join(folder, "report.html");
  writeFileSync(htmlPath, await renderReportHtml(aggregates, { csvFileName: "report.actions.csv" }));
  return { events: aggregates.actions.total, htmlBytes: statSync(htmlPath).size, csvBytes: statSync(csvPath).size };
}

async function main(): Promise<void> {
  const [mode, sessionsText, perSessionText] = process.argv.slice(2);
  const sessions = Number(sessionsText);
  const eventsPerSession = Number(perSessionText);
  if ((mode !== "read" && mode !== "report") || !(sessions > 0) || !(eventsPerSession > 0)) {
    throw new Error("usage: report-writer.js <read|report> <sessions> <eventsPerSession>");
  }
  const folder = mkdtempSync(join(tmpdir(), "vbm365-bench-report-"));
  try {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result =
      mode === "read"
        ? { events: await read(sessions, eventsPerSession), htmlBytes: 0, csvBytes: 0 }
        : await report(sessions, eventsPerSession, folder);
    const cpu = process.cpuUsage(cpuStart);
    const out: ReportWriterReport = {
      mode,
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
