import createClient, { type Client } from "openapi-fetch";
import { authMiddleware, tokenSource, type Auth } from "./auth.js";
import { Vbm365ApiError, Vbm365NetworkError, Vbm365TimeoutError, Vbm365ValidationError, redact } from "./errors.js";
import { pages } from "./pagination.js";
import { withRetry, type RetryOptions } from "./retry.js";
import { fetchTrusting } from "./tls.js";
import { DEFAULT_TIMEOUT_MS, isTimeout, withTimeout } from "./timeout.js";
import type { paths } from "./generated/schema.js";
import type {
  BackupOrganization,
  CallOptions,
  Fetch,
  RestoreSession,
  RestoreSessionEvent,
  RestoreSessionEventsOptions,
  RestoreSessionFilter,
  RestoreSessionIterateOptions,
  RestoreSessionEventPage,
  RestoreSessionPage,
  TokenRequest,
  TokenResponse,
} from "./types.js";
import { checkUuid, toSessionQuery } from "./validate.js";

export type { Auth } from "./auth.js";
export type { RetryOptions } from "./retry.js";

export interface Vbm365ClientOptions {
  /** Server root, such as `https://vbm.example:4443`. */
  baseUrl: string;
  /** A token as is, credentials to log in with, or a callback that returns a token. */
  auth: Auth;
  /** Extra trusted CA certificate(s), PEM text. Node only. */
  ca?: string;
  /** Deadline of each request (each retry has its own); default 30000. */
  timeoutMs?: number;
  /** Retries of GETs and the token request; `false` turns them off. */
  retry?: false | RetryOptions;
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
  /** The typed openapi-fetch client (with auth, retries and timeouts), for any path of the spec. */
  api: Client<paths>;
}

const SESSIONS = "/v6/RestoreSessions";

type Answer = { data?: unknown; error?: unknown; response: Response };
type SessionPath = Exclude<keyof paths, "/v6/Token">;

export function createVbm365Client(options: Vbm365ClientOptions): Vbm365Client {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Vbm365ValidationError("timeoutMs", timeoutMs, "must be a positive number");
  // The global fetch is looked up on each call, so one replaced later is used.
  const transport: Fetch = options.fetch ?? (options.ca !== undefined ? fetchTrusting(options.ca) : (request) => fetch(request));
  const timed = withTimeout(transport, timeoutMs);
  const retrying = options.retry === false ? timed : withRetry(timed, options.retry ?? {});
  // Only reads are repeated on failure; a Stop that timed out may have stopped the session.
  const dataFetch: Fetch = (request) => (request.method === "GET" ? retrying(request) : timed(request));

  const tokenApi = createClient<paths>({ baseUrl, fetch: retrying });
  const requestToken = (form: TokenRequest): Promise<TokenResponse> =>
    call("POST", "/v6/Token", undefined, () =>
      tokenApi.POST("/v6/Token", {
        body: form,
        bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        parseAs: "text",
      }),
    ) as Promise<TokenResponse>;
  const tokens = tokenSource(options.auth, requestToken);

  const api = createClient<paths>({ baseUrl, fetch: dataFetch });
  api.use(authMiddleware(tokens));

  async function call(method: string, path: string, signal: AbortSignal | undefined, run: () => Promise<Answer>) {
    const at = { method, path };
    let answer: Answer;
    try {
      answer = await run();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error; // the caller's own abort, as they expect it
      if (isTimeout(error)) throw new Vbm365TimeoutError({ ...at, timeoutMs, cause: error });
      if (error instanceof TypeError && error.name === "TypeError") {
        const cause = (error.cause ?? {}) as { code?: unknown; message?: unknown };
        const detail = String(cause.code ?? cause.message ?? error.message);
        throw new Vbm365NetworkError({ ...at, message: `no answer (${redact(detail, tokens.secrets())})`, cause: error });
      }
      throw error;
    }
    const { data, response } = answer;
    const status = response.status;
    if (!response.ok) {
      throw new Vbm365ApiError({ status, ...at, body: redact(answer.error, tokens.secrets()) });
    }
    // Bodies come as text (`parseAs`) and are parsed here, where the status is known.
    try {
      return data ? JSON.parse(data as string) : undefined;
    } catch (cause) {
      // Not retried: a proxy's page answers the same way again.
      const message = `${method} ${path}: HTTP ${status} body is not JSON (a proxy's page?)`;
      throw new Vbm365ApiError({ status, ...at, body: undefined, message, cause });
    }
  }

  // One call of a data path. The path is chosen at run time, so the answer is typed by
  // RestoreSessionsApi (from the schema) rather than inferred here.
  const one = (
    method: "GET" | "POST",
    schemaPath: SessionPath,
    path: Record<string, string>,
    signal?: AbortSignal,
    query?: object,
  ): Promise<any> =>
    call(method, schemaPath.replace(/\{(\w+)\}/g, (_, name: string) => path[name]!), signal, () =>
      (api[method] as (path: SessionPath, init: object) => Promise<Answer>)(schemaPath, { params: { path, query }, signal, parseAs: "text" }),
    );
  const getPage = (filter: RestoreSessionFilter, signal?: AbortSignal): Promise<RestoreSessionPage> =>
    one("GET", SESSIONS, {}, signal, toSessionQuery(filter));
  // get, stop and organization: one session's path, the id checked first.
  const ofSession =
    (method: "GET" | "POST", suffix: "" | "/Stop" | "/organization") =>
    async (id: string, { signal }: CallOptions = {}) =>
      one(method, `${SESSIONS}/{restoreSessionId}${suffix}`, { restoreSessionId: checkUuid("id", id) }, signal);

  const restoreSessions: RestoreSessionsApi = {
    async list(filter = {}, { signal } = {}) {
      return getPage(filter, signal);
    },

    iterate(options = {}) {
      toSessionQuery(options); // checks the window now, before the loop's first request
      // The filter is read for the window only; each page sets offset and limit.
      return pages<RestoreSession>((page, pageSignal) => getPage({ ...options, ...page }, pageSignal), options);
    },

    get: ofSession("GET", ""),

    async stop(id, options) {
      await ofSession("POST", "/Stop")(id, options);
    },

    events(id, options = {}) {
      const params = { restoreSessionId: checkUuid("id", id) };
      return pages<RestoreSessionEvent>(
        (query, pageSignal) => one("GET", `${SESSIONS}/{restoreSessionId}/Events`, params, pageSignal, query) as Promise<RestoreSessionEventPage>,
        options,
      );
    },

    event: async (id, eventId, { signal } = {}) =>
      one(
        "GET",
        `${SESSIONS}/{restoreSessionId}/Events/{eventId}`,
        { restoreSessionId: checkUuid("id", id), eventId: checkUuid("eventId", eventId) },
        signal,
      ),

    organization: ofSession("GET", "/organization"),
  };

  return { api, restoreSessions };
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string" || !/^https?:\/\/[^/]/i.test(value)) {
    throw new Vbm365ValidationError("baseUrl", value, "is not an http(s) URL like https://vbm.example:4443");
  }
  return value.replace(/\/+$/, "");
}
