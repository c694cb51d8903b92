// The testkit's own data, read the plain way, to compare the dashboard's answers with.
import type { TestServer } from "@vbm365/testkit";

export function sessionsInWindow(server: TestServer, from: Date, to: Date) {
  return [...server.data.sessionIds({ startTimeFrom: from, startTimeTo: to })].map((id) => server.data.session(server.data.indexOf(id)));
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
