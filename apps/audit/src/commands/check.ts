// The monitoring probe. Nagios plugin contract: one line "SERVICE STATE - text | perfdata",
// exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Icinga runs Nagios plugins unchanged; PRTG's
// EXE/Script sensor wants "value:message" instead of the line (--prtg) and reads the same
// exit codes (0 OK, 1 warning, 2 and 3 error).
import type { RestoreSession } from "@vbm365/client";
import { connectOrArchive } from "../archive-source.js";
import { fleetRunner } from "../fleet/dispatch.js";
import type { CliContext } from "../context.js";
import { CHECK_EXIT } from "../exit-codes.js";
import { countOf } from "../words.js";
import { formatDuration, parseDuration, type DurationRange } from "@vbm365/app-support";
import { resolveSelection, selectedSessions, str, type Values } from "./common.js";

export interface CheckCounts {
  sessions: number;
  failed: number;
  warning: number;
  working: number;
  longRunning: number;
}

export function countSession(counts: CheckCounts, session: RestoreSession, now: number, maxRunningMs: number): void {
  counts.sessions++;
  if (session.result === "Failed") counts.failed++;
  else if (session.result === "Warning") counts.warning++;
  if (session.state === "Working") {
    counts.working++;
    if (now - Date.parse(session.creationTime) > maxRunningMs) counts.longRunning++;
  }
}

export type CheckState = "OK" | "WARNING" | "CRITICAL" | "UNKNOWN";

export function checkState(counts: CheckCounts): CheckState {
  if (counts.failed > 0) return "CRITICAL";
  if (counts.warning > 0 || counts.longRunning > 0) return "WARNING";
  return "OK";
}

const EXIT_OF: Record<CheckState, number> = {
  OK: CHECK_EXIT.ok,
  WARNING: CHECK_EXIT.warning,
  CRITICAL: CHECK_EXIT.critical,
  UNKNOWN: CHECK_EXIT.unknown,
};

/** Perfdata: label=value;warn;crit;min. A threshold of 0 alerts on anything above zero. */
function perfdata(counts: CheckCounts): string {
  return [
    `sessions=${counts.sessions};;;0`,
    `failed=${counts.failed};;0;0`,
    `warning=${counts.warning};0;;0`,
    `long_running=${counts.longRunning};0;;0`,
    `working=${counts.working};;;0`,
  ].join(" ");
}

export function statusLine(state: CheckState, text: string, prtg: boolean, counts?: CheckCounts): string {
  if (prtg) {
    const value = counts ? counts.failed + counts.warning + counts.longRunning : 0;
    // PRTG splits at the first colon; the message keeps the state word for the sensor's text.
    return `${value}:${state} - ${text}`;
  }
  return `RESTORES ${state} - ${text}${counts ? ` | ${perfdata(counts)}` : ""}`;
}

// Shorter than a minute flags every session just started; longer than a year never fires.
const MAX_RUNNING_RANGE: DurationRange = { minMs: 60_000, maxMs: 365 * 86_400_000, text: "from 1m to 365d, such as 2h" };

export async function checkCommand(ctx: CliContext, values: Values): Promise<number> {
  const fleet = fleetRunner("check", values);
  if (fleet) return fleet(ctx, values);
  const prtg = values.prtg === true;
  const selection = resolveSelection(values, ctx);
  const maxRunningText = str(values, "max-running") ?? "2h";
  const maxRunningMs = parseDuration(maxRunningText, "--max-running", MAX_RUNNING_RANGE);
  const api = await connectOrArchive(ctx, values, { mock: false });

  const counts: CheckCounts = { sessions: 0, failed: 0, warning: 0, working: 0, longRunning: 0 };
  const now = ctx.now().getTime();
  // The status line comes at the end, after the progress line is cleared.
  for await (const session of selectedSessions(api, selection, ctx, true)) countSession(counts, session, now, maxRunningMs);

  const state = checkState(counts);
  const text =
    `${counts.failed} failed, ${counts.warning} with warnings, ${counts.longRunning} Working longer than ${formatDuration(maxRunningMs)} ` +
    `(${countOf(counts.sessions, "restore session")} ${selection.window.label})`;
  ctx.stdout.write(`${statusLine(state, text, prtg, counts)}\n`);
  return EXIT_OF[state];
}

/** What `check` prints when it cannot run at all. */
export function unknownLine(message: string, prtg: boolean): string {
  return statusLine("UNKNOWN", message, prtg);
}
