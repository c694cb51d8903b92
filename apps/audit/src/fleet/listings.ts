// sessions and report across configured servers: every selected server asked at most
// --parallel at a time, each within its deadline; the rows of those that answered, sorted
// across the fleet and written once every server has answered or been given up on.
import { runFleet, type ServerSettings } from "@vbm365/app-support";
import type { RestoreSession } from "@vbm365/client";
import {
  resolveFormat,
  resolveSelection,
  selectedSessions,
  str,
  tableWidth,
  type SessionSelection,
  type Values,
} from "../commands/common.js";
import { isAction } from "@vbm365/report";
import type { CliContext } from "../context.js";
import { mapOrdered } from "../ordered.js";
import { openOutput, writeRows } from "../output/write.js";
import type { Row, RowShape } from "../output/types.js";
import { REPORT_SHAPE, REPORT_SHAPE_V8, SESSION_SHAPE, reportRow, sessionRow, statisticsFields } from "../rows.js";
import { useColor } from "../terminal.js";
import { countOf } from "../words.js";
import { connectServer } from "./connect-server.js";
import { failuresOf, fleetExitCode, reportFailures } from "./failures.js";
import { planFleet } from "./fleet-servers.js";
import { sortRows, withServerColumn } from "./rows.js";

interface ServerRows {
  rows: Row[];
  v8: boolean;
}

type RowsOfServer = (
  ctx: CliContext,
  server: ServerSettings,
  values: Values,
  selection: SessionSelection,
  signal: AbortSignal,
) => Promise<ServerRows>;

export function fleetSessionsCommand(ctx: CliContext, values: Values): Promise<number> {
  return runListing(ctx, values, sessionRowsOf, () => SESSION_SHAPE, "restore session");
}

export function fleetReportCommand(ctx: CliContext, values: Values): Promise<number> {
  return runListing(ctx, values, reportRowsOf, (anyV8) => (anyV8 ? REPORT_SHAPE_V8 : REPORT_SHAPE), "restored item");
}

async function runListing(
  ctx: CliContext,
  values: Values,
  rowsOf: RowsOfServer,
  shapeOf: (anyV8: boolean) => RowShape,
  noun: string,
): Promise<number> {
  const selection = resolveSelection(values, ctx);
  const format = resolveFormat(values, ctx);
  const plan = planFleet(ctx, values, { everyByDefault: false });
  const results = await runFleet(plan.servers, plan, (server, signal) => rowsOf(ctx, server, values, selection, signal));
  const failures = failuresOf(results, ctx);
  reportFailures(failures, ctx);

  const answered = results.flatMap((result) => (result.ok ? [result.value] : []));
  const rows = sortRows(
    answered.flatMap((part) => part.rows),
    sortKeyOf(values, noun),
    values.asc === true,
  );
  const out = str(values, "out");
  const target = await openOutput(out, ctx.stdout);
  async function* all(): AsyncGenerator<Row> {
    yield* rows;
  }
  const written = await writeRows(all(), {
    format,
    shape: withServerColumn(shapeOf(answered.some((part) => part.v8))),
    target,
    color: out === undefined && useColor(ctx.stdout, ctx.env),
    csvRaw: values["csv-raw"] === true,
    tableWidth: out === undefined ? tableWidth(ctx) : undefined,
  });
  const from = `${answered.length} of ${countOf(results.length, "server")}`;
  ctx.stderr.write(`vbm365-audit: ${countOf(written, noun)} from ${from}${out !== undefined ? ` written to ${out} (${format})` : ""}\n`);
  return fleetExitCode(results, failures);
}

/** The report is in item time; sessions by start time, or end time with --sort endTime. */
function sortKeyOf(values: Values, noun: string): string {
  if (noun === "restored item") return "timeUtc";
  return String(values.sort ?? "").toLowerCase() === "endtime" ? "endTimeUtc" : "creationTimeUtc";
}

async function sessionRowsOf(
  ctx: CliContext,
  server: ServerSettings,
  values: Values,
  selection: SessionSelection,
  signal: AbortSignal,
): Promise<ServerRows> {
  const { api, version } = await connectServer(ctx, server, values, { signal, v8Flags: selection.v8.flags });
  const rows: Row[] = [];
  for await (const session of selectedSessions(api, selection, ctx, false)) rows.push({ server: server.name, ...sessionRow(session) });
  return { rows, v8: version === "v8" };
}

// As in the single-server report: a few sessions' events fetched ahead, in order.
const SESSION_CONCURRENCY = 4;

async function reportRowsOf(
  ctx: CliContext,
  server: ServerSettings,
  values: Values,
  selection: SessionSelection,
  signal: AbortSignal,
): Promise<ServerRows> {
  const { api, version } = await connectServer(ctx, server, values, { signal, v8Flags: selection.v8.flags });
  const v8 = version === "v8";
  const itemsOf = async (session: RestoreSession): Promise<Row[]> => {
    const items: Row[] = [];
    for await (const event of api.events(session.id))
      if (isAction(event)) items.push({ server: server.name, ...reportRow(session, event) });
    if (!v8 || items.length === 0) return items;
    const statistics = statisticsFields(await api.statistics(session.id));
    return items.map((item) => ({ ...item, ...statistics }));
  };
  const rows: Row[] = [];
  for await (const items of mapOrdered(selectedSessions(api, selection, ctx, false), SESSION_CONCURRENCY, itemsOf)) rows.push(...items);
  return { rows, v8 };
}
