// Filters, counts, sorts and pages the sessions of one time window. Pure functions, so
// the tests can compare them with a plain reading of the data.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import type { SessionEventRow, SessionRow, SessionsResponse } from "../shared/api.js";
import type { SessionsQuery } from "./query.js";

export function matchesFilters(session: RestoreSession, query: SessionsQuery): boolean {
  if (query.type && !sameWord(session.type, query.type)) return false;
  if (query.state && !sameWord(session.state, query.state)) return false;
  if (query.result && !sameWord(session.result, query.result)) return false;
  if (query.initiatedBy && !sameWord(session.initiatedBy ?? "", query.initiatedBy)) return false;
  if (query.server && !sameWord(serverOf(session) ?? "", query.server)) return false;
  if (query.text) {
    const needle = query.text.toLowerCase();
    const haystack = [
      session.id,
      session.name,
      session.organization,
      session.initiatedBy,
      session.details,
      session.clientHost,
      session.scopeName,
    ];
    if (!haystack.some((field) => field?.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** What was read from VBM365 for a view: its bounds may be wider than the view's (rounded). */
export interface ReadWindow {
  sessions: readonly RestoreSession[];
  from: Date;
  to: Date;
  fetchedAt: Date;
}

export function summarize(read: ReadWindow, query: SessionsQuery): SessionsResponse {
  // Filtering a sorted list keeps its order, so each window is sorted once per column.
  const inView = keepView(read, query);
  const inWindow = read.sessions.filter(inView);
  const sorted = sortedOnce(read.sessions, query.sort, query.dir).filter((session) => inView(session) && matchesFilters(session, query));
  const matched = sorted;
  const fetchedAt = read.fetchedAt;
  return {
    window: { from: query.from.toISOString(), to: query.to.toISOString() },
    inWindow: inWindow.length,
    matched: matched.length,
    offset: query.offset,
    limit: query.limit,
    rows: sorted.slice(query.offset, query.offset + query.limit).map(toRow),
    counts: {
      result: countBy(matched, (session) => session.result),
      type: countBy(matched, (session) => session.type),
      state: countBy(matched, (session) => session.state),
      ...(read.sessions.some((session) => serverOf(session) !== undefined)
        ? { server: countBy(matched, (session) => serverOf(session) ?? "") }
        : {}),
    },
    timeline: timeline(matched, query.from, query.to),
    initiators: distinct(inWindow.map((session) => session.initiatedBy ?? "")).slice(0, 500),
    fetchedAt: fetchedAt.toISOString(),
  };
}

/**
 * Drops what only the rounding brought in: sessions inside the read bounds but outside the
 * view's [from, to]. Sessions outside the read bounds altogether come from a server that
 * ignores the window (the Prism mock does); they stay, as they always did.
 */
function keepView(read: ReadWindow, query: SessionsQuery): (session: RestoreSession) => boolean {
  const [readFrom, readTo, from, to] = [read.from, read.to, query.from, query.to].map((date) => date.getTime()) as number[];
  return (session) => {
    const start = Date.parse(session.creationTime);
    return !((start >= readFrom! && start < from!) || (start > to! && start <= readTo!));
  };
}

const sortedWindows = new WeakMap<readonly RestoreSession[], Map<string, RestoreSession[]>>();

function sortedOnce(sessions: readonly RestoreSession[], key: SessionsQuery["sort"], dir: SessionsQuery["dir"]): RestoreSession[] {
  const byOrder = sortedWindows.get(sessions) ?? new Map<string, RestoreSession[]>();
  sortedWindows.set(sessions, byOrder);
  const order = `${key} ${dir}`;
  const cached = byOrder.get(order) ?? sortSessions(sessions, key, dir);
  byOrder.set(order, cached);
  return cached;
}

export function sortSessions(sessions: readonly RestoreSession[], key: SessionsQuery["sort"], dir: SessionsQuery["dir"]): RestoreSession[] {
  const sign = dir === "asc" ? 1 : -1;
  const isTime = key === "creationTime" || key === "endTime";
  // Keys are computed once per session, not once per comparison: windows hold tens of thousands.
  const keyed = sessions.map((session) => {
    const raw = session[key];
    const value = isTime ? (raw ? Date.parse(raw) : Number.POSITIVE_INFINITY) : (raw ?? "").toLowerCase(); // running sessions have no end yet
    return { session, value, start: Date.parse(session.creationTime) };
  });
  // Ties fall back to start time then id, so paging never shows a row twice or skips one.
  keyed.sort((a, b) => {
    const primary = compare(a.value, b.value);
    if (primary !== 0) return sign * primary;
    const start = compare(a.start, b.start);
    return start !== 0 ? sign * start : compare(a.session.id, b.session.id);
  });
  return keyed.map(({ session }) => session);
}

export function timeline(sessions: readonly RestoreSession[], from: Date, to: Date): SessionsResponse["timeline"] {
  const span = to.getTime() - from.getTime();
  const bucketMs = pickBucket(span);
  const first = Math.floor(from.getTime() / bucketMs) * bucketMs;
  const count = Math.max(1, Math.ceil((to.getTime() - first) / bucketMs));
  const buckets = Array.from({ length: count }, (_, index) => ({
    start: new Date(first + index * bucketMs).toISOString(),
    total: 0,
    // A Map, not an object: a result named "constructor" must not read Object's own.
    results: new Map<string, number>(),
  }));
  for (const session of sessions) {
    // A server that ignores the window (the Prism mock does) sends sessions outside it: they
    // are in the table and the counts, but have no bar to go in.
    const bucket = buckets[Math.floor((Date.parse(session.creationTime) - first) / bucketMs)];
    if (!bucket) continue;
    bucket.total += 1;
    bucket.results.set(session.result, (bucket.results.get(session.result) ?? 0) + 1);
  }
  return { bucketMs, buckets: buckets.map(({ results, ...bucket }) => ({ ...bucket, byResult: Object.fromEntries(results) })) };
}

export function toRow(session: RestoreSession): SessionRow {
  const { _links: _ignored, ...row } = session;
  return row;
}

export function toEventRow(event: RestoreSessionEvent): SessionEventRow {
  const { _links: _ignored, ...row } = event;
  return row;
}

function pickBucket(spanMs: number): number {
  const hour = 3600_000;
  // Aim for 24 to 120 bars: hours for a day or two, six hours for a couple of weeks, days beyond.
  if (spanMs <= 2 * 24 * hour) return hour;
  if (spanMs <= 14 * 24 * hour) return 6 * hour;
  return 24 * hour;
}

// Counted in a Map: values come from the server, and an object's `counts["constructor"]`
// would start from Object's constructor instead of 0.
export function countBy(sessions: readonly RestoreSession[], key: (session: RestoreSession) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const session of sessions) counts.set(key(session), (counts.get(key(session)) ?? 0) + 1);
  return Object.fromEntries(counts);
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** The fleet's tag on a session (fleet-source.ts); undefined with a single server. */
function serverOf(session: RestoreSession): string | undefined {
  const server = (session as { server?: unknown }).server;
  return typeof server === "string" ? server : undefined;
}

function sameWord(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
