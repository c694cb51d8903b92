// The public names for the spec's schemas. Every type comes from the generated schema; the
// enums a newer server may extend are opened here (the generated schema stays exact).
import type { components as SchemaComponents, operations as SchemaOperations, paths as SchemaPaths } from "./generated/schema.js";
import type { components as V8Components, operations as V8Operations } from "./generated/v8.js";

/** The spec's schemas, responses and parameters (v6), as openapi-typescript generates them. */
export type components = SchemaComponents;
/** The spec's paths (v6) and their operations, as openapi-typescript generates them. */
export type paths = SchemaPaths;
/** The spec's operations (v6) by operationId, as openapi-typescript generates them. */
export type operations = SchemaOperations;

type Schemas = components["schemas"];

/** A known value of the spec, or a value a newer server sends that the spec does not list yet. */
export type Open<Known extends string> = Known | (string & {});

/** `T` with each enum-typed field opened (see `Open`); null and other types stay as they are. */
type Opened<T> = { [K in keyof T]: OpenValue<T[K]> };
type OpenValue<V> = V extends string ? (string extends V ? V : Open<V>) : V;

/** What a session restores from: `Vex` (Exchange), `Veod` (OneDrive), `Vesp` (SharePoint), `Vet` (Teams), or a newer value. */
export type RestoreSessionType = Open<Schemas["RestoreSessionType"]>;
/** Where a session is: `Working`, `Stopped` (and on older servers `Starting`, `Stopping`), or a newer value. */
export type RestoreSessionState = Open<Schemas["RestoreSessionState"]>;
/** How a session ended: `Success`, `Warning`, `Failed`, or a newer value. */
export type RestoreSessionResult = Open<Schemas["RestoreSessionResult"]>;

/** One restore session, as the spec describes it, with its enum fields open. */
export type RestoreSession = Opened<Schemas["RestoreSession"]>;
/** One event of a restore session (an item restored, exported, sent, ...), with its enum fields open. */
export type RestoreSessionEvent = Opened<Schemas["RestoreSessionEvent"]>;
/** The backed-up organization a session works on, with its enum fields open. */
export type BackupOrganization = Opened<Schemas["BackupOrganization"]>;
/** One page of restore sessions: `offset`, `limit`, `results` and the page links. */
export type RestoreSessionPage = Omit<Schemas["RestoreSessionPage"], "results"> & { results: RestoreSession[] };
/** One page of a session's events. */
export type RestoreSessionEventPage = Omit<Schemas["RestoreSessionEventPage"], "results"> & { results: RestoreSessionEvent[] };
/** The body of an error answer (`message`, and on v7 and v8 `errorCode`). */
export type ApiErrorBody = Schemas["Error"];
/** The token request's form: a password login or a refresh. */
export type TokenRequest = Schemas["TokenRequest"];
/** The token endpoint's answer. */
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

/** What a v8 server counted for one session (`statistics(id)`, v8 only). */
export type RestoreStatistics = V8Components["schemas"]["RestoreStatistics"];

type V8PageQuery = NonNullable<V8Operations["RestoreSession_GetPage"]["parameters"]["query"]>;

/** The filters and order only v8 servers have, for `list` and `iterate` of a v8 (or "auto") client. */
export type RestoreSessionV8Filter = {
  endTimeFrom?: DateInput;
  endTimeTo?: DateInput;
  orderBy?: V8PageQuery["orderBy"];
  orderAsc?: boolean;
};

/** The query of `GET /v8/RestoreSessions` as the v8 spec defines it. */
export type RestoreSessionPageQueryV8 = V8PageQuery;

/** How long a walk may go on, and how to cancel it. */
export type WalkOptions = {
  /** Items per request, 1..10000; default 100. */
  pageSize?: number;
  signal?: AbortSignal;
  /** Most pages to read; default 100,000. More ends the walk with a Vbm365WalkError (`reason: "maxPages"`). */
  maxPages?: number;
  /** Longest time the walk may take, in ms; no bound by default. Passing it ends the walk with a Vbm365WalkError (`reason: "maxDuration"`). */
  maxDurationMs?: number;
};

/** `iterate()`'s options: the time window, and how long the walk may go on. */
export type RestoreSessionIterateOptions = Pick<RestoreSessionFilter, "startTimeFrom" | "startTimeTo"> & WalkOptions;

/** `events()`'s options. */
export type RestoreSessionEventsOptions = WalkOptions;

/** Options every single call takes. */
export type CallOptions = { signal?: AbortSignal };

/** The `fetch` shape the client's layers pass along (internal: not exported from the package). */
export type Fetch = (request: Request) => Promise<Response>;
