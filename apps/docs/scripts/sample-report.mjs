// The sample restore report on the docs site: what `vbm365-audit report --html` makes,
// generated at build time from the testkit's seeded data (no server is asked, nothing
// random), into dist/sample-report/ with the CSV of every action beside it.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { finished } from "node:stream/promises";
import { aggregateReport, createActionCsvWriter, renderReportHtml } from "@vbm365/report";
import { startTestServer } from "@vbm365/testkit";

// A fixed data set and clock: the same build gives the same report.
const DATA = { sessions: 400, seed: 1, now: "2026-11-30T00:00:00Z" };
export const SAMPLE_REPORT_DIR = "sample-report/";

/** Writes the sample report into `dir` (ending in /); resolves with its HTML size in bytes. */
export async function buildSampleReport(dir) {
  mkdirSync(dir, { recursive: true });
  // The testkit's data is computed from the seed; the server is only how it is handed out.
  const server = await startTestServer({ ...DATA, versions: ["v8"] });
  try {
    const input = function* () {
      for (let index = 0; index < server.data.sessionCount(); index++) {
        yield { server: "vbm01 (testkit sample)", session: server.data.session(index, "v8"), events: server.data.events(index, "v8") };
      }
    };
    const csvStream = createWriteStream(`${dir}restores.actions.csv`);
    const csv = createActionCsvWriter(csvStream);
    const report = await aggregateReport(input(), {
      serverVersions: new Map([["vbm01 (testkit sample)", "v8"]]),
      generator: {
        tool: "vbm365 docs",
        version: "sample",
        how: `the docs build, from the testkit's seeded data (${DATA.sessions} sessions, seed ${DATA.seed})`,
      },
      tableLimit: 200,
      now: new Date(DATA.now),
      onAction: (row) => csv.write(row),
    });
    await csv.flush();
    csvStream.end();
    await finished(csvStream);
    const html = await renderReportHtml(report, { csvFileName: "restores.actions.csv" });
    writeFileSync(`${dir}index.html`, html);
    return Buffer.byteLength(html);
  } finally {
    await server.close();
  }
}

/** A link from an API page to the sample report, beside the version switch. */
export function addSampleReportLink(page, pageDirOfVersion) {
  const body = /<body[^>]*>/.exec(page);
  if (!body) throw new Error("The built page has no <body>: cannot add the sample report link.");
  const href = `${pageDirOfVersion === "" ? "" : "../"}${SAMPLE_REPORT_DIR}index.html`;
  const link = `<a id="sample-report-link" href="${href}" style="position:fixed;top:12px;right:250px;z-index:1000;color:#0b5d4b;background:#fff;padding:3px 9px;border-radius:12px;border:1px solid #cfe3dc;font:14px system-ui,sans-serif">Sample restore report</a>`;
  const at = body.index + body[0].length;
  return page.slice(0, at) + link + page.slice(at);
}
