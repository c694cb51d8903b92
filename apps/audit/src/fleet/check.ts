// `check --all-servers` (or --server/--tag): one monitoring answer for the fleet. The first
// line is the worst state with a count per state and every server's perfdata; then one line
// per server, worst first, as Nagios and Icinga show a plugin's long output. A server that
// cannot be asked is UNKNOWN with its reason. Worst means CRITICAL, then WARNING, then UNKNOWN,
// then OK: a real failure outranks a blind spot, and a blind spot outranks all-clear.
import { formatDuration, parseDuration, runFleet } from "@vbm365/app-support";
import { checkState, countSession, statusLine, type CheckCounts, type CheckState } from "../commands/check.js";
import { resolveSelection, selectedSessions, str, type Values } from "../commands/common.js";
import type { CliContext } from "../context.js";
import { CHECK_EXIT } from "../exit-codes.js";
import { countOf } from "../words.js";
import { connectServer } from "./connect-server.js";
import { serverFailure } from "./failures.js";
import { planFleet } from "./fleet-servers.js";

const RANK: Record<CheckState, number> = { OK: 0, UNKNOWN: 1, WARNING: 2, CRITICAL: 3 };
const EXIT_OF: Record<CheckState, number> = {
  OK: CHECK_EXIT.ok,
  WARNING: CHECK_EXIT.warning,
  CRITICAL: CHECK_EXIT.critical,
  UNKNOWN: CHECK_EXIT.unknown,
};
const MAX_RUNNING_RANGE = { minMs: 60_000, maxMs: 365 * 86_400_000, text: "from 1m to 365d, such as 2h" };

interface ServerState {
  name: string;
  state: CheckState;
  text: string;
  counts?: CheckCounts;
}

export async function fleetCheckCommand(ctx: CliContext, values: Values): Promise<number> {
  const prtg = values.prtg === true;
  const selection = resolveSelection(values, ctx);
  const maxRunningMs = parseDuration(str(values, "max-running") ?? "2h", "--max-running", MAX_RUNNING_RANGE);
  const plan = planFleet(ctx, values, { everyByDefault: false });
  const now = ctx.now().getTime();
  const results = await runFleet(plan.servers, plan, async (server, signal) => {
    const { api } = await connectServer(ctx, server, values, { signal });
    const counts: CheckCounts = { sessions: 0, failed: 0, warning: 0, working: 0, longRunning: 0 };
    for await (const session of selectedSessions(api, selection, ctx, false)) countSession(counts, session, now, maxRunningMs);
    return counts;
  });
  const states: ServerState[] = results.map((result) => {
    if (!result.ok) {
      const failure = serverFailure(result, ctx);
      return { name: result.server.name, state: "UNKNOWN", text: `${failure.reason}: ${failure.message}` };
    }
    const counts = result.value;
    const text = `${counts.failed} failed, ${counts.warning} with warnings, ${counts.longRunning} Working longer than ${formatDuration(maxRunningMs)} (${countOf(counts.sessions, "restore session")})`;
    return { name: result.server.name, state: checkState(counts), text, counts };
  });
  // Stable: servers with the same state keep the configuration's order.
  states.sort((a, b) => RANK[b.state] - RANK[a.state]);
  const worst = states[0]?.state ?? "UNKNOWN";
  const total = sumCounts(states);
  const byState = (["CRITICAL", "WARNING", "UNKNOWN", "OK"] as const)
    .map((state) => [state, states.filter((s) => s.state === state).length] as const)
    .filter(([, n]) => n > 0);
  const summary = `${countOf(states.length, "server")}: ${byState.map(([state, n]) => `${n} ${state}`).join(", ")}; ${total.failed} failed, ${total.warning} with warnings, ${total.longRunning} Working longer than ${formatDuration(maxRunningMs)} (${countOf(total.sessions, "restore session")} ${selection.window.label})`;
  if (prtg) {
    // PRTG reads one line: the value is the fleet's problem sessions plus the servers it could not ask.
    const unknown = states.filter((s) => s.state === "UNKNOWN").length;
    ctx.stdout.write(`${total.failed + total.warning + total.longRunning + unknown}:${worst} - ${summary}\n`);
  } else {
    ctx.stdout.write(`${statusLine(worst, summary, false)} | ${perfdata(states)}\n`);
    for (const server of states) ctx.stdout.write(`${server.state} ${server.name}: ${server.text}\n`);
  }
  return EXIT_OF[worst];
}

function sumCounts(states: readonly ServerState[]): CheckCounts {
  const total: CheckCounts = { sessions: 0, failed: 0, warning: 0, working: 0, longRunning: 0 };
  for (const { counts } of states) {
    if (!counts) continue;
    for (const key of Object.keys(total) as (keyof CheckCounts)[]) total[key] += counts[key];
  }
  return total;
}

/** Per server, as check_multi names them: `name::label=value;warn;crit;min`. */
function perfdata(states: readonly ServerState[]): string {
  const answered = states.filter((s) => s.counts).length;
  const parts = [`servers=${states.length};;;0`, `servers_unknown=${states.length - answered};;0;0`];
  for (const { name, counts } of states) {
    if (!counts) continue;
    parts.push(
      `${name}::sessions=${counts.sessions};;;0`,
      `${name}::failed=${counts.failed};;0;0`,
      `${name}::warning=${counts.warning};0;;0`,
      `${name}::long_running=${counts.longRunning};0;;0`,
      `${name}::working=${counts.working};;;0`,
    );
  }
  return parts.join(" ");
}
