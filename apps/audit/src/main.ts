import { SettingsError } from "@vbm365/app-support";
import { readFileSync } from "node:fs";
import { closeOpenArchives } from "./archive-source.js";
import { archiveCommand } from "./commands/archive.js";
import { checkCommand, unknownLine } from "./commands/check.js";
import type { Values } from "./commands/common.js";
import { eventsCommand, reportCommand, sessionsCommand } from "./commands/listings.js";
import { parseCommandLine } from "./commands/parse.js";
import { HELP, MAIN_HELP, type CommandName } from "./commands/spec.js";
import { stopCommand } from "./commands/stop.js";
import { serversCommand } from "./fleet/servers-command.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";
import { CHECK_EXIT } from "./exit-codes.js";
import { describeFailure } from "./failure.js";
import { terminalSafe, terminalSafeLines } from "./sanitize.js";
import { scrub } from "./secrets.js";
import { paint, useColor } from "./terminal.js";

const RUNNERS: Record<CommandName, (ctx: CliContext, values: Values, positionals: string[]) => Promise<number>> = {
  sessions: sessionsCommand,
  events: eventsCommand,
  report: reportCommand,
  stop: stopCommand,
  check: checkCommand,
  archive: archiveCommand,
  servers: serversCommand,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Runs one command line; resolves with the exit code. Never throws. */
export async function main(ctx: CliContext): Promise<number> {
  // Looked at before parsing, so even a bad command line honours them.
  const debug = ctx.argv.includes("--debug");
  const isCheck = ctx.argv[0] === "check";
  const prtg = isCheck && ctx.argv.includes("--prtg");
  try {
    const parsed = parseCommandLine(ctx.argv);
    if (parsed.kind === "version") {
      ctx.stdout.write(`${version()}\n`);
      return 0;
    }
    if (parsed.kind === "help") {
      ctx.stdout.write(parsed.command ? HELP[parsed.command] : MAIN_HELP);
      return 0;
    }
    try {
      return await RUNNERS[parsed.command](ctx, parsed.values, parsed.positionals);
    } finally {
      await closeOpenArchives();
    }
  } catch (thrown) {
    // A bad flag or setting read by app-support is a usage error like the CLI's own.
    const error = thrown instanceof SettingsError ? new UsageError(thrown.message) : thrown;
    if (error instanceof UsageError && error.command === undefined && ctx.argv[0] && Object.hasOwn(HELP, ctx.argv[0]))
      error.command = ctx.argv[0];
    const failure = describeFailure(error, ctx.server);
    if (failure.message === "") return failure.exitCode; // stdout closed by a pager or `head`
    // Scrubbed before and after removing controls: a secret may contain one, or a server may
    // split a secret with one so that it only appears once the controls are gone.
    const clean = (text: string, safe: (text: string) => string) => scrub(safe(scrub(text, ctx.secrets)), ctx.secrets);
    const message = clean(failure.message, terminalSafe);
    if (debug) ctx.stderr.write(`${clean(debugDetails(error), terminalSafeLines)}\n`);
    if (isCheck) {
      // Monitoring reads stdout and knows only 0-3: whatever went wrong is UNKNOWN.
      ctx.stdout.write(`${unknownLine(message, prtg)}\n`);
      return CHECK_EXIT.unknown;
    }
    const help = error instanceof UsageError ? ` (see 'vbm365-audit ${error.command ?? ""}${error.command ? " " : ""}--help')` : "";
    ctx.stderr.write(`${paint(useColor(ctx.stderr, ctx.env), "red", "vbm365-audit:")} ${message}${help}\n`);
    return failure.exitCode;
  }
}

function debugDetails(error: unknown): string {
  const lines: string[] = [];
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    lines.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = (current as { cause?: unknown }).cause;
    if (current) lines.push("caused by:");
  }
  return lines.join("\n");
}
