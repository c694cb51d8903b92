// The public names for the spec's schemas. Every type comes from the generated schema.
import type { components, paths, operations } from "./generated/schema.js";

export type { components, paths, operations };

type Schemas = components["schemas"];
export type RestoreSession = Schemas["RestoreSession"];
export type RestoreSessionEvent = Schemas["RestoreSessionEvent"];
export type BackupOrganization = Schemas["BackupOrganization"];
export type RestoreSessionPage = Schemas["RestoreSessionPage"];
export type RestoreSessionEventPage = Schemas["RestoreSessionEventPage"];
export type ApiErrorBody = Schemas["Error"];
export type TokenRequest = Schemas["TokenRequest"];
export type TokenResponse = Schemas["TokenResponse"];

/** Query of `GET /v6/RestoreSessions`, as the spec defines it. */
export type RestoreSessionPageQuery = NonNullable<operations["RestoreSession_GetPage"]["parameters"]["query"]>;
/** Query of `GET /v6/RestoreSessions/{id}/Events`, as the spec defines it. */
export type RestoreSessionEventPageQuery = NonNullable<operations["RestoreSessionEvent_Get"]["parameters"]["query"]>;

/** A moment given as a `Date` or an ISO-8601 string with a zone (`Z` or `+02:00`). */
export type DateInput = Date | string;

/** `list()`'s filter: the spec's query, with dates also accepted as `Date`. */
export type RestoreSessionFilter = Omit<RestoreSessionPageQuery, "startTimeFrom" | "startTimeTo"> & {
  startTimeFrom?: DateInput;
  startTimeTo?: DateInput;
};

/** `iterate()`'s options: the time window, the page size, and a signal to cancel the walk. */
export type RestoreSessionIterateOptions = Pick<RestoreSessionFilter, "startTimeFrom" | "startTimeTo"> & {
  /** Items per request, 1..10000; default 100. */
  pageSize?: number;
  signal?: AbortSignal;
};

/** `events()`'s options. */
export type RestoreSessionEventsOptions = {
  /** Items per request, 1..10000; default 100. */
  pageSize?: number;
  signal?: AbortSignal;
};

/** Options every single call takes. */
export type CallOptions = { signal?: AbortSignal };

/** The `fetch` shape the client's layers pass along. */
export type Fetch = (request: Request) => Promise<Response>;
