// The numbers a report over testkit data must show, counted here directly from the data
// (not with the package's code), so a mistake in the aggregation cannot agree with itself.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";

export interface Expected {
  sessions: number;
  actions: number;
  bytes: number;
  byActionType: Map<string, number>;
  byService: Map<string, number>;
  operatorActions: Map<string, number>;
  operatorBytes: Map<string, number>;
}

export function countIndependently(input: Iterable<{ session: RestoreSession; events: RestoreSessionEvent[] }>): Expected {
  const expected: Expected = {
    sessions: 0,
    actions: 0,
    bytes: 0,
    byActionType: new Map(),
    byService: new Map(),
    operatorActions: new Map(),
    operatorBytes: new Map(),
  };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const { session, events } of input) {
    expected.sessions++;
    for (const event of events) {
      if (event.type === undefined || event.type === "None") continue;
      const size = event.itemSizeBytes ?? 0;
      expected.actions++;
      expected.bytes += size;
      add(expected.byActionType, event.type, 1);
      add(expected.byService, session.type, 1);
      add(expected.operatorActions, session.initiatedBy ?? "(not given)", 1);
      add(expected.operatorBytes, session.initiatedBy ?? "(not given)", size);
    }
  }
  return expected;
}

/** The largest `n` values of a map, as [key, value] sorted by value (ties: any order). */
export const largest = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
