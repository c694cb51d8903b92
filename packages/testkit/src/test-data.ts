// The server's data as tests see it: positions in the newest-first list instead of the
// data set's internal keys, and the ids a complete walk must yield.
import type { Dataset } from "./data.js";
import { toTicks } from "./time.js";
import type { BackupOrganization, RestoreSession, RestoreSessionEvent } from "./types.js";
import type { ApiVersion } from "./versions.js";

export interface StartTimeFilter {
  startTimeFrom?: Date | string;
  startTimeTo?: Date | string;
}

/**
 * `index` is the position in the newest-first list. Objects are as served under `version`
 * (default v6): its links, and on v8 the session's `eTag` and the events' related ids.
 */
export interface TestData {
  sessionCount(): number;
  /** The ids a complete walk must yield, newest first (from <= creationTime <= to). */
  sessionIds(filter?: StartTimeFilter): Iterable<string>;
  session(index: number, version?: ApiVersion): RestoreSession;
  events(index: number, version?: ApiVersion): RestoreSessionEvent[];
  organization(index: number, version?: ApiVersion): BackupOrganization;
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
    session: (index, version) => data.session(keyOf(index), version),
    events(index, version) {
      const key = keyOf(index);
      return Array.from({ length: data.eventCount(key) }, (_, i) => data.event(key, i, version));
    },
    organization: (index, version) => data.organization(keyOf(index), version),
    indexOf(id) {
      const key = data.keyOfId(id);
      return key === undefined ? -1 : data.positionOf(key);
    },
  };
}
