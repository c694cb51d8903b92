// sessions, events and report: listings streamed to the chosen format.
import type { RestoreSession } from "@vbm365/client";
import { connect } from "../api.js";
import { mapOrdered } from "../ordered.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import type { Row } from "../output/types.js";
import { openOutput, writeRows } from "../output/write.js";
import { EVENT_SHAPE, REPORT_SHAPE, SESSION_SHAPE, eventRow, isRestoredItem, reportRow, sessionRow } from "../rows.js";
import { useColor } from "../terminal.js";
import { resolveFormat, resolveSelection, selectedSessions, sessionIdArgument, str, type Values } from "./common.js";

/** Rows streaming to the terminal would tear the progress line: show it only when they go elsewhere. */
function rowsGoElsewhere(ctx: CliContext, values: Values): boolean {
  return !ctx.stdout.isTTY || str(values, "out") !== undefined;
}

export async function sessionsCommand(ctx: CliContext, values: Values): Promise<number> {
  const selection = resolveSelection(values, ctx);
  const format = resolveFormat(values, ctx);
  const target = await openOutput(str(values, "out"), ctx.stdout);
  const api = await connect(ctx, str(values, "url"));
  async function* rows(): AsyncGenerator<Row> {
    for await (const session of selectedSessions(api, selection, ctx, rowsGoElsewhere(ctx, values))) yield sessionRow(session);
  }
  await writeRows(rows(), { format, shape: SESSION_SHAPE, target, color: !str(values, "out") && useColor(ctx.stdout, ctx.env) });
  return EXIT.ok;
}

export async function eventsCommand(ctx: CliContext, values: Values, [sessionId]: string[]): Promise<number> {
  const id = sessionIdArgument(sessionId);
  const format = resolveFormat(values, ctx);
  const target = await openOutput(str(values, "out"), ctx.stdout);
  const api = await connect(ctx, str(values, "url"));
  async function* rows(): AsyncGenerator<Row> {
    for await (const event of api.events(id)) yield eventRow(id, event);
  }
  await writeRows(rows(), { format, shape: EVENT_SHAPE, target, color: !str(values, "out") && useColor(ctx.stdout, ctx.env) });
  return EXIT.ok;
}

const EVENT_CONCURRENCY = 4;

export async function reportCommand(ctx: CliContext, values: Values): Promise<number> {
  const selection = resolveSelection(values, ctx);
  const format = resolveFormat(values, ctx);
  const target = await openOutput(str(values, "out"), ctx.stdout);
  const api = await connect(ctx, str(values, "url"));
  // Events are one request per session: a few sessions are fetched ahead, in order.
  const itemsOf = async (session: RestoreSession): Promise<Row[]> => {
    const items: Row[] = [];
    for await (const event of api.events(session.id)) if (isRestoredItem(event)) items.push(reportRow(session, event));
    return items;
  };
  async function* rows(): AsyncGenerator<Row> {
    for await (const items of mapOrdered(selectedSessions(api, selection, ctx, rowsGoElsewhere(ctx, values)), EVENT_CONCURRENCY, itemsOf)) yield* items;
  }
  await writeRows(rows(), { format, shape: REPORT_SHAPE, target, color: !str(values, "out") && useColor(ctx.stdout, ctx.env) });
  return EXIT.ok;
}
