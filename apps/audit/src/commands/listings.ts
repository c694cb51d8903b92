// sessions, events and report: listings streamed to the chosen format.
import { connect } from "../api.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import type { Row } from "../output/types.js";
import { openOutput, writeRows } from "../output/write.js";
import { EVENT_SHAPE, REPORT_SHAPE, SESSION_SHAPE, eventRow, isRestoredItem, reportRow, sessionRow } from "../rows.js";
import { useColor } from "../terminal.js";
import { resolveFormat, resolveSelection, selectedSessions, sessionIdArgument, str, type Values } from "./common.js";

export async function sessionsCommand(ctx: CliContext, values: Values): Promise<number> {
  const selection = resolveSelection(values, ctx);
  const format = resolveFormat(values, ctx);
  const target = await openOutput(str(values, "out"), ctx.stdout);
  const api = await connect(ctx, str(values, "url"));
  async function* rows(): AsyncGenerator<Row> {
    for await (const session of selectedSessions(api, selection, ctx)) yield sessionRow(session);
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

export async function reportCommand(ctx: CliContext, values: Values): Promise<number> {
  const selection = resolveSelection(values, ctx);
  const format = resolveFormat(values, ctx);
  const target = await openOutput(str(values, "out"), ctx.stdout);
  const api = await connect(ctx, str(values, "url"));
  async function* rows(): AsyncGenerator<Row> {
    for await (const session of selectedSessions(api, selection, ctx)) {
      for await (const event of api.events(session.id)) {
        if (isRestoredItem(event)) yield reportRow(session, event);
      }
    }
  }
  await writeRows(rows(), { format, shape: REPORT_SHAPE, target, color: !str(values, "out") && useColor(ctx.stdout, ctx.env) });
  return EXIT.ok;
}
