// The client's settings: the options checked once, when the client is made, into the one
// object every step of a call reads (calls, auth, retries, attempts). Nothing is copied or
// re-shaped on the way down.
import { DEFAULT_MAX_BODY_BYTES } from "./attempt.js";
import { tokenSource, type Auth, type TokenSource } from "./auth.js";
import { Vbm365ValidationError } from "./errors.js";
import type { RetryOptions } from "./retry.js";
import { fetchTrusting } from "./tls.js";
import { requestToken, serves } from "./transports.js";
import type { Fetch } from "./types.js";
import { checkPositive } from "./validate.js";
import { versionOf, type ApiVersion, type ApiVersionOption } from "./versions.js";

/** Deadline of each attempt (headers and body) when none is given. */
export const DEFAULT_TIMEOUT_MS = 30000;

/** What `createVbm365Client` takes; see each field. */
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

/** The options as every step of a call reads them: checked, with defaults filled in. */
export interface ClientSettings {
  /** Server root without a trailing slash. */
  baseUrl: string;
  /** Where requests go: the injected fetch, undici trusting `ca`, or the global fetch. */
  transport: Fetch;
  /** Deadline of each attempt, headers and body. */
  timeoutMs: number;
  /** Largest response body read, in bytes. */
  maxBodyBytes: number;
  /** Retries of requests that are safe to repeat; `false` for none. */
  retry: RetryOptions | false;
  /** The client's own signal (`signal` option), joined with each call's. */
  clientSignal: AbortSignal | undefined;
  /** The API version in use; the path's `/vN/` is replaced by it. */
  version: () => Promise<ApiVersion>;
  /** The token to send, and every secret held (kept out of what errors show). */
  tokens: TokenSource;
}

/** The settings of a new client, or a `Vbm365ValidationError` naming the first bad option. */
export function settingsOf(options: Vbm365ClientOptions): ClientSettings {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Vbm365ValidationError("timeoutMs", timeoutMs, "must be a positive number");
  const apiVersion = checkApiVersion(options.apiVersion);
  const settings: ClientSettings = {
    baseUrl: checkBaseUrl(options.baseUrl),
    transport: transportOf(options),
    timeoutMs,
    maxBodyBytes: checkPositive("maxBodyBytes", options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : options.maxBodyBytes),
    retry: options.retry ?? {},
    clientSignal: options.signal,
    // The "auto" probe and the login go out through these same settings, when a call first needs them.
    version: versionOf(apiVersion, (version) => serves(settings, version)),
    tokens: tokenSource(options.auth, (form) => requestToken(settings, form)),
  };
  return settings;
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
