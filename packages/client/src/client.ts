// createVbm365Client: the options checked, the layers put together, the restoreSessions calls.
import createClient, { type Client } from "openapi-fetch";
import { DEFAULT_MAX_BODY_BYTES, type AttemptSettings } from "./attempt.js";
import { tokenSource, type Auth } from "./auth.js";
import { callsOf } from "./calls.js";
import { Vbm365ValidationError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { pages } from "./pagination.js";
import type { RetryOptions } from "./retry.js";
import { fetchTrusting } from "./tls.js";
import { apiFetch, tokenRequester } from "./transports.js";
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
} from "./types.js";
import { checkPositive, checkUuid, toSessionQuery } from "./validate.js";

export type { Auth } from "./auth.js";
export type { RetryOptions } from "./retry.js";

/** Deadline of each attempt (headers and body) when none is given. */
export const DEFAULT_TIMEOUT_MS = 30000;

export interface Vbm365ClientOptions {
  /** Server root, such as `https://vbm.example:4443`. */
  baseUrl: string;
  /** A token as is, credentials to log in with, or a callback that returns a token. */
  auth: Auth;
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

export interface Vbm365Client {
  restoreSessions: RestoreSessionsApi;
  /** The typed openapi-fetch client (with auth, retries, deadlines, the body cap, no redirects), for any path of the spec. */
  api: Client<paths>;
}

export function createVbm365Client(options: Vbm365ClientOptions): Vbm365Client {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Vbm365ValidationError("timeoutMs", timeoutMs, "must be a positive number");
  const maxBodyBytes = checkPositive("maxBodyBytes", options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : options.maxBodyBytes);
  const retry = options.retry ?? {};

  const settings: AttemptSettings & { baseUrl: string; retry: RetryOptions | false } = {
    baseUrl,
    retry,
    transport: transportOf(options),
    timeoutMs,
    maxBodyBytes,
    // Late-bound: the token source is made from the token request below.
    secrets: () => tokens.secrets(),
  };
  const tokens = tokenSource(options.auth, tokenRequester(settings));
  const one = callsOf({ ...settings, tokens });

  const api = createClient<paths>({ baseUrl, fetch: apiFetch({ ...settings, tokens }), redirect: "manual" });

  const SESSION = "/v6/RestoreSessions/{restoreSessionId}" as const;
  const ofSession = (id: string) => ({ path: { restoreSessionId: checkUuid("id", id) } });

  const restoreSessions: RestoreSessionsApi = {
    async list(filter = {}, { signal } = {}) {
      return one("get", "/v6/RestoreSessions", { path: {}, query: toSessionQuery(filter) }, signal);
    },

    iterate(options = {}) {
      const window = toSessionQuery(options); // checks the window now, before the loop's first request
      return pages((page, signal) => one("get", "/v6/RestoreSessions", { path: {}, query: { ...window, ...page } }, signal), options);
    },

    async get(id, { signal } = {}) {
      return one("get", SESSION, ofSession(id), signal);
    },

    async stop(id, { signal } = {}) {
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
  };

  return { api, restoreSessions };
}

/** Where requests go: an injected fetch, undici trusting `ca`, or the global fetch (looked up per call, so one replaced later is used). */
function transportOf(options: Vbm365ClientOptions): Fetch {
  const injected = options.fetch;
  if (injected) return (request) => injected(request);
  if (options.ca !== undefined) return fetchTrusting(options.ca);
  return (request) => fetch(request);
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string" || !/^https?:\/\/[^/]/i.test(value)) {
    throw new Vbm365ValidationError("baseUrl", value, "is not an http(s) URL like https://vbm.example:4443");
  }
  return value.replace(/\/+$/, "");
}
