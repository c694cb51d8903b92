// --sort, --asc/--desc and --ended-from/--ended-to: ordering and end-time filters that v8
// servers apply (orderBy/orderAsc, endTimeFrom/endTimeTo). Older servers would ignore them,
// so they are refused there (api-version.ts); the order is checked as sessions stream past,
// so a server that ignores it fails loudly instead of printing a listing in another order.
import type { RestoreSession, RestoreSessionV8Filter } from "@vbm365/client";
import { CliError, UsageError } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import { parseTypedInstant, sortable } from "@vbm365/app-support";

// A Map: `--sort constructor` must be unknown, not Object's constructor.
const SORT_KEYS = new Map<string, { orderBy: NonNullable<RestoreSessionV8Filter["orderBy"]>; field: "creationTime" | "endTime" }>([
  ["creationtime", { orderBy: "CreationTime", field: "creationTime" }],
  ["endtime", { orderBy: "EndTime", field: "endTime" }],
]);

export interface V8Selection {
  /** What the server is asked for (empty when no v8 flag is given). */
  query: RestoreSessionV8Filter;
  /** The v8-only flags given, for the "needs v8" message. */
  flags: string[];
  /** Whether an end-time filter is given (then it alone is the window unless a start window is given too). */
  byEndTime: boolean;
  /** Local check of the end-time window, as for the start window: never print what the server should have left out. */
  matches: (session: RestoreSession) => boolean;
  /** Throws when a session arrives out of the requested order. */
  checkOrder: (session: RestoreSession) => void;
}

type Values = Record<string, string | boolean | string[] | undefined>;

export function resolveV8Selection(values: Values): V8Selection {
  const flags = ["--sort", "--asc", "--desc", "--ended-from", "--ended-to"].filter((flag) => values[flag.slice(2)] !== undefined);
  const query: RestoreSessionV8Filter = {};
  const order = resolveOrder(values);
  if (order) Object.assign(query, { orderBy: order.orderBy, orderAsc: order.asc });

  const endedFrom = values["ended-from"] as string | undefined;
  const endedTo = values["ended-to"] as string | undefined;
  const from = endedFrom === undefined ? undefined : parseTypedInstant(endedFrom, "--ended-from");
  const to = endedTo === undefined ? undefined : parseTypedInstant(endedTo, "--ended-to");
  if (from && to && sortable(from.iso) > sortable(to.iso))
    throw new UsageError(`--ended-from ${endedFrom} is after --ended-to ${endedTo}: swap them`);
  if (from) query.endTimeFrom = from.iso;
  if (to) query.endTimeTo = to.iso;
  const byEndTime = Boolean(from || to);

  const matches = (session: RestoreSession) => {
    if (!byEndTime) return true;
    // A session still running has no end: an end-time filter leaves it out, as the server does.
    const ended = session.endTime ? Date.parse(session.endTime) : NaN;
    return Number.isFinite(ended) && (!from || ended >= from.date.getTime()) && (!to || ended <= to.date.getTime());
  };
  return { query, flags, byEndTime, matches, checkOrder: order ? orderChecker(order.field, order.asc) : () => {} };
}

/** --sort KEY with --asc or --desc (default --desc, newest first as the unsorted listing); --asc/--desc alone sort by creationTime. */
function resolveOrder(values: Values) {
  const text = values.sort as string | undefined;
  const asc = values.asc === true;
  if (asc && values.desc === true) throw new UsageError("--asc and --desc cannot be combined: pick one");
  if (text === undefined && !asc && values.desc !== true) return undefined;
  const key = SORT_KEYS.get((text ?? "creationTime").trim().toLowerCase());
  if (!key) throw new UsageError(`--sort '${text}' is not known: use creationTime or endTime`);
  return { ...key, asc };
}

/**
 * Each session must not come before the one printed last in the requested order. Times are
 * compared to the millisecond (ties pass); a session without an end sorts as the oldest, as
 * the server (.NET) orders null.
 */
function orderChecker(field: "creationTime" | "endTime", asc: boolean): (session: RestoreSession) => void {
  let previous: number | undefined;
  return (session) => {
    const text = session[field];
    const key = text ? Date.parse(text) : -Infinity;
    if (previous !== undefined && (asc ? key < previous : key > previous)) {
      throw new CliError(
        `the server did not sort by ${field} ${asc ? "ascending" : "descending"} (session ${session.id} came out of order): it ignores --sort; drop --sort, or check the server's version`,
        EXIT.unavailable,
      );
    }
    previous = key;
  };
}
