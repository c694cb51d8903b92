// createVbm365Client: the options checked, the layers put together, the restoreSessions calls.
import createClient, { type Client } from "openapi-fetch";
import { DEFAULT_MAX_BODY_BYTES, type AttemptSettings } from "./attempt.js";
import { tokenSource, type Auth } from "./auth.js";
import { callsOf } from "./calls.js";
import { Vbm365ValidationError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import type { paths as V7Paths } from "./generated/v7.js";
import type { paths as V8Paths } from "./generated/v8.js";
import { pages } from "./pagination.js";
import type { RetryOptions } from "./retry.js";
import { fetchTrusting } from "./tls.js";
import { apiFetch, serves, tokenRequester } from "./transports.js";
import type {
  BackupOrganization,
  CallOptions,
  Fetch,
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
import { checkPositive, checkUuid, toSessionQuery, v8FilterIn } from "./validate.js";
import { requireV8, versionOf, type ApiVersion, type ApiVersionOption } from "./versions.js";

export type { Auth } from "./auth.js";
export type { RetryOptions } from "./retry.js";

/** Deadline of each attempt (headers and body) when none is given. */
export const DEFAULT_TIMEOUT_MS = 30000;

export interface Vbm365ClientOptions {
  /** Server root, such as `https://vbm.example:4443`. */
  baseUrl: string;
  /** A token as is, credentials to log in with, or a callback that returns a token. */
  auth: Auth;
  /** REST API version: "v6" (the default), "v7", "v8", or "auto" (the newest the server serves, asked once). */
  apiVersion?: ApiVersionOption;
  /** Extra trusted CA certificate(s), PEM text. Node only. */
  ca?: string;
  /** Deadline of each request, headers and body (each retry has its own); default 30000. */
  timeoutMs?: number;
  /** Retries of GETs and the token request; `false` turns them off. */
  retry?: false | RetryOptions;
  /** Largest response body accepted, in bytes; default 64 MiB. */
  maxBodyBytes?: number;
  /** Injected `fetch`, for tests and custom transports. Takes precedence over `ca`. */
  fetch?: typeof fetch;
  /** Aborts every call of this client, logins and the version probe included: one deadline or cancel for a whole job. */
  signal?: AbortSignal;
}

export interface RestoreSessionsApi {
  /** One page of restore sessions, as the server sent it. */
  list(filter?: RestoreSessionFilter, options?: CallOptions): Promise<RestoreSessionPage>;
  /** Every restore session in the window, page after page; each id once. */
  iterate(options?: RestoreSessionIterateOptions): AsyncIterable<RestoreSession>;
  get(id: string, options?: CallOptions): Promise<RestoreSession>;
  /** Asks the server to stop the session. Never retried. */
  stop(id: string, options?: CallOptions): Promise<void>;
  /** Every event of a session, page after page; each id once. */
  events(id: string, options?: RestoreSessionEventsOptions): AsyncIterable<RestoreSessionEvent>;
  event(id: string, eventId: string, options?: CallOptions): Promise<RestoreSessionEvent>;
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

export function createVbm365Client<V extends ApiVersionOption = "v6">(options: Vbm365ClientOptions & { apiVersion?: V }): Vbm365Client<V>;
// One object serves every version; the signature above shows each client the calls and paths its version has.
export function createVbm365Client(options: Vbm365ClientOptions): Vbm365Client<ApiVersionOption> {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Vbm365ValidationError("timeoutMs", timeoutMs, "must be a positive number");
  const maxBodyBytes = checkPositive("maxBodyBytes", options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : options.maxBodyBytes);
  const apiVersion = checkApiVersion(options.apiVersion);
  const retry = options.retry ?? {};

  const attempts: AttemptSettings & { baseUrl: string; retry: RetryOptions | false } = {
    baseUrl,
    retry,
    transport: transportOf(options),
    timeoutMs,
    maxBodyBytes,
    clientSignal: options.signal,
    // Late-bound: the token source is made from the token request below.
    secrets: () => tokens.secrets(),
  };
  const settings = { ...attempts, version: versionOf(apiVersion, (version) => serves(attempts, version)) };
  const tokens = tokenSource(options.auth, tokenRequester(settings));
  const withTokens = { ...settings, tokens };
  const one = callsOf(withTokens);
  const oneV8 = callsOf<V8Paths>(withTokens);

  const api = createClient<AnyVersionPaths>({ baseUrl, fetch: apiFetch(withTokens), redirect: "manual" });

  const SESSION = "/v6/RestoreSessions/{restoreSessionId}" as const;
  const ofSession = (id: string) => ({ path: { restoreSessionId: checkUuid("id", id) } });
  // A v8-only filter on an older server would be ignored: refused before the first request.
  const listPage = async (filter: RestoreSessionFilter & RestoreSessionV8Filter, query: RestoreSessionPageQueryV8, signal?: AbortSignal) => {
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

/** Where requests go: an injected fetch, undici trusting `ca`, or the global fetch (looked up per call, so one replaced later is used). */
function transportOf(options: Vbm365ClientOptions): Fetch {
  const injected = options.fetch;
  if (injected) return (request) => injected(request);
  if (options.ca !== undefined) return fetchTrusting(options.ca);
  return (request) => fetch(request);
}

function checkApiVersion(value: unknown): ApiVersionOption {
  if (value === undefined) return "v6";
  if (value === "v6" || value === "v7" || value === "v8" || value === "auto") return value;
  throw new Vbm365ValidationError("apiVersion", value, 'is not "v6", "v7", "v8" or "auto"');
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string" || !/^https?:\/\/[^/]/i.test(value)) {
    throw new Vbm365ValidationError("baseUrl", value, "is not an http(s) URL like https://vbm.example:4443");
  }
  return value.replace(/\/+$/, "");
}
