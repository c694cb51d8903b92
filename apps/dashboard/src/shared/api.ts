// The contract between the dashboard's server and its page. Session and event fields come
// from the client's generated types; only the envelope is the dashboard's own.
import type { ApiVersion, ApiVersionOption, RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";

/** A session as the page sees it: the server's fields without its `_links`. */
export type SessionRow = Omit<RestoreSession, "_links"> & {
  /** The configured server it came from (fleet dashboards only). */
  server?: string;
};
export type SessionEventRow = Omit<RestoreSessionEvent, "_links">;

/** Columns the table can sort by. */
export const sortKeys = [
  "creationTime",
  "endTime",
  "name",
  "organization",
  "type",
  "state",
  "result",
  "initiatedBy",
] as const satisfies readonly (keyof SessionRow)[];
export type SortKey = (typeof sortKeys)[number];

/** What `GET /api/sessions` answers. Counts and the timeline cover every matching session. */
export interface SessionsResponse {
  window: { from: string; to: string };
  /** Sessions in the window before filters. */
  inWindow: number;
  /** Sessions that match the filters. */
  matched: number;
  offset: number;
  limit: number;
  rows: SessionRow[];
  counts: { result: Record<string, number>; type: Record<string, number>; state: Record<string, number>; server?: Record<string, number> };
  timeline: { bucketMs: number; buckets: TimelineBucket[] };
  /** Distinct `initiatedBy` values in the window, for the filter's suggestions. */
  initiators: string[];
  /** When the server read these sessions from VBM365 (ISO). */
  fetchedAt: string;
}

export interface TimelineBucket {
  start: string;
  total: number;
  byResult: Record<string, number>;
}

/** What `GET /api/sessions/{id}` answers. */
export interface SessionDetailsResponse {
  session: SessionRow;
  events: SessionEventRow[];
  /** True when the session has more events than the dashboard shows (it says so on the page). */
  eventsTruncated: boolean;
  eventsLimit: number;
}

/** What `GET /api/config` answers: only what the page needs to know, never a secret. */
export interface ConfigResponse {
  allowStop: boolean;
  /** The configured servers' names, when the dashboard shows a fleet. */
  servers?: string[];
}

/** What `GET /api/version` answers: the REST API version the dashboard speaks with VBM365. */
export interface VersionResponse {
  apiVersion: ApiVersion;
  /** VBM365_API_VERSION: "auto" (found by asking the server) or the pinned version. */
  setting: ApiVersionOption;
}

/** A session's v8 statistics: the server's counts, and how many warnings and errors it lists. */
export type StatisticsRow = Pick<RestoreStatistics, "totalItemsCount" | "restoredItemsCount" | "failedItemsCount" | "skippedItemsCount"> & {
  warningsCount: number;
  errorsCount: number;
};

/**
 * What `GET /api/sessions/{id}/statistics` answers. Statistics exist on REST API v8 only;
 * on an older server the answer says so (200, `available: false`) without asking VBM365.
 */
export type StatisticsResponse =
  | { available: true; apiVersion: "v8"; statistics: StatisticsRow }
  | { available: false; apiVersion: ApiVersion; message: string };

export interface ErrorResponse {
  error: string;
  /** 401: the API needs the dashboard's access token (DASHBOARD_ACCESS_TOKEN). */
  accessToken?: boolean;
  /** 422: the window holds too much; this narrower one (ISO bounds) does not. */
  narrower?: { from: string; to: string };
}

/**
 * Header the page sends with every API call. Another site cannot make a browser add it
 * without a CORS preflight, which the server refuses, so a blind cross-site GET or form
 * never reaches the API.
 */
export const apiHeader = "x-dashboard-request";
/** Header that carries the access token, when the dashboard has one. */
export const accessTokenHeader = "x-dashboard-token";

/** The window presets the page offers, in milliseconds. */
export const windowPresets = { "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, "30d": 30 * 24 * 3600_000 } as const;
export type WindowPreset = keyof typeof windowPresets;

/** One configured server's health, as `GET /api/servers` answers it (fleet dashboards only). */
export interface ServerHealth {
  name: string;
  /** Whether its last window load answered; null before the first. */
  reachable: boolean | null;
  apiVersion: ApiVersion | null;
  /** When it last answered (ISO). */
  lastAnswer: string | null;
  /** Sessions it had in the last window read. */
  sessions: number | null;
  /** Why its last load failed: unreachable, login refused, TLS, API version, timeout, ... */
  problem: string | null;
  /** Its window-load deadline, such as "60 s". */
  deadline: string;
}

export interface ServersResponse {
  servers: ServerHealth[];
}
