// The server's data as tests see it: positions in the newest-first list instead of the
// data set's internal keys, and the ids a complete walk must yield.
import type { Dataset } from "./data.js";
import { toTicks } from "./time.js";
import type { BackupOrganization, RestoreSession, RestoreSessionEvent } from "./types.js";

export interface StartTimeFilter {
  startTimeFrom?: Date | string;
  startTimeTo?: Date | string;
}

/** `index` is the position in the newest-first list. */
export interface TestData {
  sessionCount(): number;
  /** The ids a complete walk must yield, newest first (from <= creationTime <= to). */
  sessionIds(filter?: StartTimeFilter): Iterable<string>;
  session(index: number): RestoreSession;
  events(index: number): RestoreSessionEvent[];
  organization(index: number): BackupOrganization;
  /** Position of a session id in the list, or -1. */
  indexOf(id: string): number;
}

export function testDataOf(data: Dataset): TestData {
  const keyOf = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= data.total) {
      throw new RangeError(`session index ${index} is outside 0..${data.total - 1}`);
    }
    return data.keyAt(index);
  };
  return {
    sessionCount: () => data.total,
    sessionIds(filter = {}) {
      const from = filter.startTimeFrom === undefined ? undefined : toTicks(filter.startTimeFrom, "startTimeFrom");
      const to = filter.startTimeTo === undefined ? undefined : toTicks(filter.startTimeTo, "startTimeTo");
      const [start, end] = data.range(from, to);
      return {
        *[Symbol.iterator]() {
          for (let p = start; p < end; p++) yield data.sessionId(data.keyAt(p));
        },
      };
    },
    session: (index) => data.session(keyOf(index)),
    events(index) {
      const key = keyOf(index);
      return Array.from({ length: data.eventCount(key) }, (_, i) => data.event(key, i));
    },
    organization: (index) => data.organization(keyOf(index)),
    indexOf(id) {
      const key = data.keyOfId(id);
      return key === undefined ? -1 : data.positionOf(key);
    },
  };
}
