// sessions, events and report: listings streamed to the chosen format.
import type { RestoreSession } from "@vbm365/client";
import { isAction } from "@vbm365/report";
import { connectOrArchive } from "../archive-source.js";
import { fleetRunner } from "../fleet/dispatch.js";
import { mapOrdered } from "../ordered.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import type { Row, RowShape } from "../output/types.js";
import { openOutput, writeRows } from "../output/write.js";
import { EVENT_SHAPE, REPORT_SHAPE, REPORT_SHAPE_V8, SESSION_SHAPE, eventRow, reportRow, sessionRow, statisticsFields } from "../rows.js";
import { useColor } from "../terminal.js";
import { countOf } from "../words.js";
import { refuseDocumentFlags, reportDocumentCommand, wantsReportDocument } from "./report-document.js";
import { resolveFormat, resolveSelection, selectedSessions, sessionIdArgument, str, tableWidth, type Values } from "./common.js";

/** Rows streaming to the terminal would tear the progress line: show it only when they go elsewhere. */
function rowsGoElsewhere(ctx: CliContext, values: Values): boolean {
  return !ctx.stdout.isTTY || str(values, "out") !== undefined;
}

/** Writes rows to stdout or --out in the chosen format; a file export ends with a summary on stderr. */
async function exportRows(ctx: CliContext, values: Values, shape: RowShape, rows: AsyncIterable<Row>, noun: string): Promise<number> {
  const format = resolveFormat(values, ctx);
  const out = str(values, "out");
  const target = await openOutput(out, ctx.stdout);
  const written = await writeRows(rows, {
    format,
    shape,
    target,
    color: out === undefined && useColor(ctx.stdout, ctx.env),
    csvRaw: values["csv-raw"] === true,
    tableWidth: out === undefined ? tableWidth(ctx) : undefined,
  });
  if (out !== undefined) ctx.stderr.write(`vbm365-audit: wrote ${countOf(written, noun)} to ${out} (${format})\n`);
  return EXIT.ok;
}

// Each command validates its options and connects (which may prompt for a password)
// before --out is opened, so a mistake never leaves a file behind.

export async function sessionsCommand(ctx: CliContext, values: Values): Promise<number> {
  const fleet = fleetRunner("sessions", values);
  if (fleet) return fleet(ctx, values);
  const selection = resolveSelection(values, ctx);
  resolveFormat(values, ctx);
  const api = await connectOrArchive(ctx, values, { v8Flags: selection.v8.flags });
  async function* rows(): AsyncGenerator<Row> {
    for await (const session of selectedSessions(api, selection, ctx, rowsGoElsewhere(ctx, values))) yield sessionRow(session);
  }
  return exportRows(ctx, values, SESSION_SHAPE, rows(), "restore session");
}

export async function eventsCommand(ctx: CliContext, values: Values, [sessionId]: string[]): Promise<number> {
  const id = sessionIdArgument(sessionId);
  resolveFormat(values, ctx);
  const api = await connectOrArchive(ctx, values);
  async function* rows(): AsyncGenerator<Row> {
    for await (const event of api.events(id)) yield eventRow(id, event);
  }
  return exportRows(ctx, values, EVENT_SHAPE, rows(), "event");
}

// Events (and on v8 the statistics) are requests per session: a few sessions are fetched
// ahead, in order, so at most this many sessions' requests are in flight.
const SESSION_CONCURRENCY = 4;

export async function reportCommand(ctx: CliContext, values: Values): Promise<number> {
  const fleet = fleetRunner("report", values);
  if (fleet) return fleet(ctx, values);
  // The report as a document (HTML with charts) or its aggregates (JSON): report-document.ts.
  if (wantsReportDocument(values)) return reportDocumentCommand(ctx, values);
  refuseDocumentFlags(values);
  const selection = resolveSelection(values, ctx);
  resolveFormat(values, ctx);
  const api = await connectOrArchive(ctx, values, { v8Flags: selection.v8.flags });
  const withStatistics = api.version === "v8";
  if (!withStatistics) {
    ctx.stderr.write(
      `vbm365-audit: the server speaks REST API ${api.version}: the report has no statistics columns (restored, failed, skipped items need v8)\n`,
    );
  }
  const itemsOf = async (session: RestoreSession): Promise<Row[]> => {
    const items: Row[] = [];
    for await (const event of api.events(session.id)) if (isAction(event)) items.push(reportRow(session, event));
    // A session without restored items has no rows to carry its statistics: no request for them.
    if (!withStatistics || items.length === 0) return items;
    const statistics = statisticsFields(await api.statistics(session.id));
    return items.map((item) => ({ ...item, ...statistics }));
  };
  async function* rows(): AsyncGenerator<Row> {
    const sessions = selectedSessions(api, selection, ctx, rowsGoElsewhere(ctx, values));
    for await (const items of mapOrdered(sessions, SESSION_CONCURRENCY, itemsOf)) yield* items;
  }
  return exportRows(ctx, values, withStatistics ? REPORT_SHAPE_V8 : REPORT_SHAPE, rows(), "restored item");
}
