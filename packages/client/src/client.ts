// createVbm365Client: the options checked, the layers put together, the restoreSessions calls.
import createClient, { type Client } from "openapi-fetch";
import { callsOf } from "./calls.js";
import type { paths } from "./generated/schema.js";
import type { paths as V7Paths } from "./generated/v7.js";
import type { paths as V8Paths } from "./generated/v8.js";
import { pages } from "./pagination.js";
import { settingsOf, type Vbm365ClientOptions } from "./settings.js";
import { apiFetch } from "./transports.js";
import type {
  BackupOrganization,
  CallOptions,
  RestoreSession,
  RestoreSessionEvent,
  RestoreSessionEventsOptions,
  RestoreSessionFilter,
  RestoreSessionIterateOptions,
  RestoreSessionPage,
  RestoreSessionPageQueryV8,
  RestoreSessionV8Filter,
  RestoreStatistics,
} from "./types.js";
import { checkUuid, toSessionQuery, v8FilterIn } from "./validate.js";
import { requireV8, type ApiVersion, type ApiVersionOption } from "./versions.js";

export type { Auth } from "./auth.js";
export type { RetryOptions } from "./retry.js";
export { DEFAULT_TIMEOUT_MS, type Vbm365ClientOptions } from "./settings.js";

/** The restore session calls of a v6 or v7 client; each checks its arguments before any request. */
export interface RestoreSessionsApi {
  /** One page of restore sessions, as the server sent it. */
  list(filter?: RestoreSessionFilter, options?: CallOptions): Promise<RestoreSessionPage>;
  /** Every restore session in the window, page after page; each id once. */
  iterate(options?: RestoreSessionIterateOptions): AsyncIterable<RestoreSession>;
  /** One restore session by its id (a uuid). */
  get(id: string, options?: CallOptions): Promise<RestoreSession>;
  /** Asks the server to stop the session. Never retried. */
  stop(id: string, options?: CallOptions): Promise<void>;
  /** Every event of a session, page after page; each id once. */
  events(id: string, options?: RestoreSessionEventsOptions): AsyncIterable<RestoreSessionEvent>;
  /** One event of a session by the ids of both. */
  event(id: string, eventId: string, options?: CallOptions): Promise<RestoreSessionEvent>;
  /** The backed-up organization whose data the session works on. */
  organization(id: string, options?: CallOptions): Promise<BackupOrganization>;
}

/** The calls of a v8 client (or an "auto" one, where they fail on an older server before any request). */
export interface RestoreSessionsApiV8 extends RestoreSessionsApi {
  /** One page, also filtered by end time and sorted (v8 only). */
  list(filter?: RestoreSessionFilter & RestoreSessionV8Filter, options?: CallOptions): Promise<RestoreSessionPage>;
  /** Every session, also filtered by end time and sorted (v8 only). */
  iterate(options?: RestoreSessionIterateOptions & RestoreSessionV8Filter): AsyncIterable<RestoreSession>;
  /** What the server counted for the session: items restored, failed, skipped (v8 only). */
  statistics(id: string, options?: CallOptions): Promise<RestoreStatistics>;
}

/** Every version's paths: what an "auto" client's `api` may be asked for (the path names its version). */
type AnyVersionPaths = paths & V7Paths & V8Paths;

/** The paths the `api` client is typed for: the version's own, or with "auto" (not known until asked) every version's. */
export type ApiPaths<V extends ApiVersionOption> = ApiVersionOption extends V
  ? AnyVersionPaths
  : V extends "v8"
    ? V8Paths
    : V extends "v7"
      ? V7Paths
      : V extends "v6"
        ? paths
        : AnyVersionPaths;

/** What `createVbm365Client` returns: the restore session calls, the typed `api` client and the version in use. */
export interface Vbm365Client<V extends ApiVersionOption = "v6"> {
  /** v8 features only where they can work: on a v8 client, and on "auto" (checked against the server). */
  restoreSessions: V extends "v6" | "v7" ? RestoreSessionsApi : RestoreSessionsApiV8;
  /**
   * The typed openapi-fetch client (with auth, retries, deadlines, the body cap, no redirects),
   * typed for the paths of the client's `apiVersion` (every version's with "auto"); a path is
   * sent as written, its `/vN/` included.
   */
  api: Client<ApiPaths<V>>;
  /** The API version the client speaks: the one given, or the one "auto" found (asked once). */
  apiVersion(): Promise<ApiVersion>;
}

/**
 * A client for one server. The options are checked now (a `Vbm365ValidationError` names the
 * first bad one); nothing is sent until the first call.
 */
export function createVbm365Client<V extends ApiVersionOption = "v6">(options: Vbm365ClientOptions & { apiVersion?: V }): Vbm365Client<V>;
// One object serves every version; the signature above shows each client the calls and paths its version has.
export function createVbm365Client(options: Vbm365ClientOptions): Vbm365Client<ApiVersionOption> {
  const settings = settingsOf(options);
  const one = callsOf(settings);
  const oneV8 = callsOf<V8Paths>(settings);

  const api = createClient<AnyVersionPaths>({ baseUrl: settings.baseUrl, fetch: apiFetch(settings), redirect: "manual" });

  const SESSION = "/v6/RestoreSessions/{restoreSessionId}" as const;
  const ofSession = (id: string) => ({ path: { restoreSessionId: checkUuid("id", id) } });
  // A v8-only filter on an older server would be ignored: refused before the first request.
  const listPage = async (
    filter: RestoreSessionFilter & RestoreSessionV8Filter,
    query: RestoreSessionPageQueryV8,
    signal?: AbortSignal,
  ) => {
    const v8Filter = v8FilterIn(filter);
    if (v8Filter) await requireV8(v8Filter, filter[v8Filter], settings.version);
    return oneV8("get", "/v8/RestoreSessions", { path: {}, query }, signal);
  };

  const restoreSessions: RestoreSessionsApiV8 = {
    async list(filter = {}, { signal } = {}) {
      return listPage(filter, toSessionQuery(filter), signal);
    },

    iterate(options = {}) {
      const window = toSessionQuery(options); // checks the window now, before the loop's first request
      return pages((page, signal) => listPage(options, { ...window, ...page }, signal), options);
    },

    async get(id, { signal } = {}) {
      return one("get", SESSION, ofSession(id), signal);
    },

    async stop(id, { signal } = {}) {
      // v8 answers 204, v6 and v7 200 with no body: both resolve.
      await one("post", `${SESSION}/Stop`, ofSession(id), signal);
    },

    events(id, options = {}) {
      const params = ofSession(id);
      return pages((page, signal) => one("get", `${SESSION}/Events`, { ...params, query: page }, signal), options);
    },

    async event(id, eventId, { signal } = {}) {
      const path = { restoreSessionId: checkUuid("id", id), eventId: checkUuid("eventId", eventId) };
      return one("get", `${SESSION}/Events/{eventId}`, { path }, signal);
    },

    async organization(id, { signal } = {}) {
      return one("get", `${SESSION}/organization`, ofSession(id), signal);
    },

    async statistics(id, { signal } = {}) {
      const params = ofSession(id);
      await requireV8("statistics", id, settings.version);
      return oneV8("get", "/v8/RestoreSessions/{restoreSessionId}/Statistics", params, signal);
    },
  };

  return { api, restoreSessions, apiVersion: settings.version };
}
