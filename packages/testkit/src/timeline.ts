// When a session ends and how many of its items have started: the facts of time every
// answer keeps. Nothing ends after the data set's "now"; a session whose items would
// still be running then is Working, shows only the items started by then and has no end;
// a session stopped through the API ends at that moment.
import { MAX_END_EXTRA, MAX_ITEMS, type Profile } from "./profile.js";
import { TICKS_PER_SECOND, type Ticks } from "./time.js";

/** Item events start about this far apart (plus up to 1.5 s), after the start event. */
export const EVENT_SPACING: Ticks = 20n * TICKS_PER_SECOND;

/** The longest a session can run unless it is stopped through the API. */
export const MAX_NATURAL_SPAN: Ticks = BigInt(MAX_ITEMS + 1) * EVENT_SPACING + MAX_END_EXTRA;

export interface Timeline {
  working: boolean;
  /** Item events shown, numbered 1..items. */
  items: number;
  /** The session's end, null while Working. */
  end: Ticks | null;
  /** When it was stopped through the API: items still running then were cancelled. */
  stoppedAt?: Ticks;
}

/**
 * @param startOf the start of item i (1-based), which rises with i
 * @param now the data set's clock for unstopped sessions
 * @param stoppedAt when it was stopped through the API, if it was
 */
export function timelineOf(p: Profile, startOf: (item: number) => Ticks, now: Ticks, stoppedAt: Ticks | undefined): Timeline {
  if (stoppedAt !== undefined) return { working: false, items: itemsStartedBy(p, startOf, stoppedAt), end: stoppedAt, stoppedAt };
  const naturalEnd = p.creation + BigInt(p.items + 1) * EVENT_SPACING + p.endExtra;
  if (!p.alwaysWorking && naturalEnd <= now) return { working: false, items: p.items, end: naturalEnd };
  return { working: true, items: itemsStartedBy(p, startOf, now), end: null };
}

/** How many items started at or before `at` (binary search: starts rise with the item). */
function itemsStartedBy(p: Profile, startOf: (item: number) => Ticks, at: Ticks): number {
  let lo = 0;
  let hi = p.items;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (startOf(mid) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
