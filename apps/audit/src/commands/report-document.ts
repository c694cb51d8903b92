// `report --html FILE`, `--format html` and `--format aggregates`: the restore report as a
// document (charts, top lists, notes and the action table) or as its aggregates in JSON,
// built by @vbm365/report from a live walk of the server, or with --archive from the
// restore archive (report-archive-input.ts).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Writable } from "node:stream";
import type { RestoreSession } from "@vbm365/client";
import { ACTION_TYPES, aggregateReport, createActionCsvWriter, renderReportHtml, type ReportInput } from "@vbm365/report";
import { connect } from "../api.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { mapOrdered } from "../ordered.js";
import { openOutput, type OutputTarget } from "../output/write.js";
import { list, resolveSelection, selectedSessions, str, type SessionSelection, type Values } from "./common.js";
import { archiveReportInput, type ReportDocumentInput } from "./report-archive-input.js";

/** The formats this file answers; the row formats stay with the listings. */
const DOCUMENT_FORMATS = new Map([
  ["html", "html"],
  ["aggregates", "aggregates"],
] as const);
type DocumentFormat = "html" | "aggregates";

/** The single server of VBM365_URL, as the report names it (a fleet names each of its servers). */
const SERVER_NAME = "default";
const SESSION_CONCURRENCY = 4;

export function wantsReportDocument(values: Values): boolean {
  const format = str(values, "format")?.toLowerCase();
  return values.html !== undefined || (format !== undefined && DOCUMENT_FORMATS.has(format as DocumentFormat));
}

function documentFormat(values: Values): { format: DocumentFormat; out: string | undefined } {
  const html = str(values, "html");
  const out = str(values, "out");
  const requested = str(values, "format")?.toLowerCase();
  const format = requested === undefined ? "html" : DOCUMENT_FORMATS.get(requested as DocumentFormat);
  if (html !== undefined && format !== "html")
    throw new UsageError(`--html writes HTML, and --format asks for ${requested}: drop one of them`);
  if (html !== undefined && out !== undefined) throw new UsageError("--html FILE and --out FILE both name the output: keep one");
  if (format === undefined) throw new UsageError(`--format '${requested}' is not known: use table, json, ndjson, csv, html or aggregates`);
  if (html === "" || out === "") throw new UsageError("the output file name is empty: give a path such as restores.html");
  const path = html ?? out;
  if (values["csv-raw"] === true && (format !== "html" || path === undefined)) {
    throw new UsageError("--csv-raw applies to the CSV written beside an HTML report file: add --html FILE, or drop --csv-raw");
  }
  return { format, out: path };
}

function actionTypes(values: Values): string[] {
  const known = new Map(ACTION_TYPES.map((type) => [type.toLowerCase(), type]));
  return (list(values, "action") ?? [])
    .flatMap((value) => value.split(","))
    .map((value) => {
      const type = known.get(value.trim().toLowerCase());
      if (!type) throw new UsageError(`--action '${value}' is not known: use ${ACTION_TYPES.join(", ")}`);
      return type;
    });
}

const organizations = (values: Values) =>
  (list(values, "organization") ?? [])
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);

/** `restores.html` -> `restores.actions.csv`: the full action table beside the report. */
export function csvBeside(path: string): string {
  return `${path.replace(/\.html?$/i, "")}.actions.csv`;
}

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function reportDocumentCommand(ctx: CliContext, values: Values): Promise<number> {
  const { format, out } = documentFormat(values);
  const selection = resolveSelection(values, ctx);
  const types = actionTypes(values);
  const orgs = organizations(values);
  const source =
    values.archive !== undefined ? await archiveReportInput(ctx, values, selection) : await liveReportInput(ctx, values, selection);

  const target = await openOutput(out, ctx.stdout);
  // The CSV of every action goes beside a report file; to stdout there is nowhere beside.
  const csvPath = out !== undefined && format === "html" ? csvBeside(out) : undefined;
  const csv = csvPath === undefined ? undefined : await openOutput(csvPath, ctx.stdout);
  try {
    const writer = csv ? createActionCsvWriter(csv.stream, values["csv-raw"] === true) : undefined;
    const aggregates = await aggregateReport(source.inputs, {
      selection: {
        ...(selection.window.from ? { from: selection.window.from } : {}),
        ...(selection.window.to ? { to: selection.window.to } : {}),
        organizations: orgs,
        actionTypes: types,
      },
      serverVersions: source.serverVersions,
      generator: { tool: "vbm365-audit", version: toolVersion(), how: source.how },
      now: ctx.now(),
      ...(writer ? { onAction: (row) => writer.write(row) } : {}),
    });
    await writer?.flush();
    const text =
      format === "html"
        ? await renderReportHtml(aggregates, csvPath ? { csvFileName: basename(csvPath) } : {})
        : `${JSON.stringify(aggregates, null, 2)}\n`;
    await finish(target, text);
    if (csv) await finish(csv, "");
    if (out !== undefined) {
      const beside = csvPath ? ` and all ${aggregates.actions.total} actions to ${csvPath}` : "";
      ctx.stderr.write(`vbm365-audit: wrote the report of ${aggregates.actions.total} restore actions to ${out} (${format})${beside}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    await target.abort();
    await csv?.abort();
    throw error;
  }
}

/** The live VBM365_URL server (or one configured server): sessions walked, a few sessions' events read ahead. */
async function liveReportInput(ctx: CliContext, values: Values, selection: SessionSelection): Promise<ReportDocumentInput> {
  const api = await connect(ctx, values, { v8Flags: selection.v8.flags });
  async function* inputs(): AsyncGenerator<ReportInput> {
    const sessions = selectedSessions(api, selection, ctx, true);
    const withEvents = async (session: RestoreSession): Promise<ReportInput> => {
      const events = [];
      for await (const event of api.events(session.id)) events.push(event);
      return { server: SERVER_NAME, session, events };
    };
    yield* mapOrdered(sessions, SESSION_CONCURRENCY, withEvents);
  }
  return {
    inputs: inputs(),
    serverVersions: new Map([[SERVER_NAME, api.version]]),
    how: `vbm365-audit report from the live server (REST API ${api.version})`,
  };
}

async function finish(target: OutputTarget, text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => writeAll(target.stream, text, target.end, (error) => (error ? reject(error) : resolve())));
  await target.commit();
}

function writeAll(stream: Writable, text: string, end: boolean, done: (error?: Error | null) => void): void {
  if (end) stream.end(text, () => done());
  else stream.write(text, (error) => done(error));
}

/** --action and --organization narrow the document only: the row formats would ignore them. */
export function refuseDocumentFlags(values: Values): void {
  for (const flag of ["action", "organization"]) {
    if (values[flag] !== undefined)
      throw new UsageError(`--${flag} applies to the report document only: add --html FILE, --format html or --format aggregates`);
  }
}
