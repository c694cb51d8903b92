import { connect } from "../api.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { terminalSafe } from "../sanitize.js";
import { confirm } from "../terminal.js";
import { sessionIdArgument, type Values } from "./common.js";

export async function stopCommand(ctx: CliContext, values: Values, [sessionId]: string[]): Promise<number> {
  const id = sessionIdArgument(sessionId);
  const ask = values.yes !== true;
  // Checked before connecting: a cron job without --yes must not half-do anything.
  if (ask && !ctx.stdin.isTTY) {
    throw new UsageError("stop asks for confirmation, but there is no terminal to ask on: add --yes to stop without asking", "stop");
  }
  const api = await connect(ctx, values);
  const session = await api.get(id);
  if (session.state === "Stopped") {
    ctx.stdout.write(`Restore session ${id} is already stopped (result ${terminalSafe(session.result)}).\n`);
    return EXIT.ok;
  }
  if (ask) {
    // Server text on the terminal the user answers on: no escapes that could rewrite the question.
    const what = terminalSafe(`${session.name ?? session.type} started ${session.creationTime} by ${session.initiatedBy ?? "unknown"}`);
    const yes = await confirm(`Stop restore session ${id} (${what})? [y/N] `, ctx.stdin, ctx.stderr);
    if (!yes) {
      ctx.stderr.write("Not stopped.\n");
      return EXIT.declined;
    }
  }
  await api.stop(id);
  ctx.stdout.write(`Stopped restore session ${id}.\n`);
  return EXIT.ok;
}
