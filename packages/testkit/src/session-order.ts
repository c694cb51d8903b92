// Which sessions a list asks for, in which order. Up to v7 the list is newest first by
// creationTime, filtered by startTimeFrom/To: positions in the data set, nothing to sort.
// v8 adds end-time filters and ordering by EndTime or oldest first: end times do not follow
// the list's order, so those lists are built from the sessions that can qualify.
import type { Dataset } from "./data.js";
import { BadRequest } from "./reply.js";
import type { Ticks } from "./time.js";
import { MAX_NATURAL_SPAN } from "./timeline.js";

/** The most sessions an end-time filter or EndTime ordering looks at (the testkit's limit). */
export const MAX_END_TIME_CANDIDATES = 200_000;

export interface ListSelection {
  startTimeFrom?: Ticks;
  startTimeTo?: Ticks;
  endTimeFrom?: Ticks;
  endTimeTo?: Ticks;
  orderBy: "CreationTime" | "EndTime";
  orderAsc: boolean;
}

export interface Selected {
  total: number;
  /** The key of the i-th session of the list. */
  keyAt(index: number): number;
}

export function selectSessions(data: Dataset, s: ListSelection): Selected {
  const [start, end] = data.range(s.startTimeFrom, s.startTimeTo);
  const byEnd = s.endTimeFrom !== undefined || s.endTimeTo !== undefined || s.orderBy === "EndTime";
  if (!byEnd) {
    return { total: end - start, keyAt: s.orderAsc ? (i) => data.keyAt(end - 1 - i) : (i) => data.keyAt(start + i) };
  }
  const keys = candidates(data, s, start, end).filter((key) => {
    const ended = data.endTicks(key);
    if (s.endTimeFrom === undefined && s.endTimeTo === undefined) return true;
    if (ended === null) return false;
    return (s.endTimeFrom === undefined || ended >= s.endTimeFrom) && (s.endTimeTo === undefined || ended <= s.endTimeTo);
  });
  const entries = keys.map((key) => ({ key, at: s.orderBy === "EndTime" ? data.endTicks(key) : data.creationTicks(key) }));
  // Newest first unless orderAsc; a session without an end sorts as the oldest (as .NET orders null);
  // equal times keep the list's order by creation.
  const sign = s.orderAsc ? 1 : -1;
  entries.sort((a, b) => {
    if (a.at !== b.at) {
      if (a.at === null) return -sign;
      if (b.at === null) return sign;
      return a.at < b.at ? -sign : sign;
    }
    return (data.positionOf(a.key) - data.positionOf(b.key)) * -sign;
  });
  return { total: entries.length, keyAt: (i) => entries[i]!.key };
}

/**
 * The keys that can qualify: a session ends at or after it starts, and (unless it was
 * stopped through the API) at most MAX_NATURAL_SPAN after, so the end-time window bounds
 * the start-time window; the stopped sessions are added one by one.
 */
function candidates(data: Dataset, s: ListSelection, start: number, end: number): number[] {
  let [first, last] = [start, end];
  if (s.endTimeTo !== undefined) first = Math.max(first, data.range(undefined, s.endTimeTo)[0]);
  if (s.endTimeFrom !== undefined) last = Math.min(last, data.range(s.endTimeFrom - MAX_NATURAL_SPAN, undefined)[1]);
  const count = Math.max(0, last - first);
  if (count > MAX_END_TIME_CANDIDATES) {
    throw new BadRequest(
      `The testkit filters and sorts by end time over at most ${MAX_END_TIME_CANDIDATES} sessions, and this query reaches ${count}: narrow it with startTimeFrom/startTimeTo or endTimeFrom/endTimeTo.`,
    );
  }
  const keys = Array.from({ length: count }, (_, i) => data.keyAt(first + i));
  for (const key of data.stoppedKeys()) {
    const position = data.positionOf(key);
    if (position >= start && position < end && (position < first || position >= last)) keys.push(key);
  }
  return keys;
}
