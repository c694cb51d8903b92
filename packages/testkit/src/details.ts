// A session's `details` and `result`, counted from the very item events the server serves for
// it: the same outcomes v8's Statistics counts, so the three never disagree. Each status is
// named as itself (a Skipped item is not a "success", a Cancelled one not a "warning"), so the
// text can be checked against the events and the Statistics by anyone reading them.
import type { ExactEvent as RestoreSessionEvent, ExactSession as RestoreSession } from "./types.js";

type ItemStatus = RestoreSessionEvent["status"];

/** The finished statuses in the order `details` names them (Running is never "processed"). */
const NAMED: readonly ItemStatus[] = ["Success", "Warning", "Failed", "Skipped", "Cancelled"];

export type Tally = Map<ItemStatus, number>;

export function tallyOf(statuses: Iterable<ItemStatus>): Tally {
  const tally: Tally = new Map();
  for (const status of statuses) tally.set(status, (tally.get(status) ?? 0) + 1);
  return tally;
}

/**
 * "94 items processed (72 success, 10 warning, 9 failed, 2 skipped, 1 cancelled)": every
 * finished item event, then each status that occurs. A Working session's running item is
 * not processed yet, so it is left out until it ends.
 */
export function detailsOf(tally: Tally): string {
  const processed = NAMED.reduce((sum, status) => sum + (tally.get(status) ?? 0), 0);
  const parts = NAMED.filter((status) => (tally.get(status) ?? 0) > 0).map((status) => `${tally.get(status)} ${status.toLowerCase()}`);
  const head = `${processed} item${processed === 1 ? "" : "s"} processed`;
  return parts.length > 0 ? `${head} (${parts.join(", ")})` : head;
}

/** Failed if any item failed, Warning if one warned or was cancelled, else Success (Success while Working). */
export function resultOf(tally: Tally, working: boolean): RestoreSession["result"] {
  if (working) return "Success";
  if ((tally.get("Failed") ?? 0) > 0) return "Failed";
  return (tally.get("Warning") ?? 0) + (tally.get("Cancelled") ?? 0) > 0 ? "Warning" : "Success";
}
