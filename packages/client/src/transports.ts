// The two requests that do not go through `one()`: the token request, and whatever a caller
// sends through the typed openapi-fetch client (`api`). Both use the same attempt, so they
// too have a deadline per attempt, a body cap, and never follow a redirect.
import { attempt, type AttemptSettings, type Call } from "./attempt.js";
import type { IssuedToken, RequestToken } from "./auth.js";
import { Vbm365ApiError, toClientError } from "./errors.js";
import { withRetries, type RetryOptions } from "./retry.js";
import type { Fetch, TokenRequest } from "./types.js";

export const TOKEN_PATH = "/v6/token";

type Settings = AttemptSettings & { baseUrl: string; retry: RetryOptions | false };

/** Posts the token form (retried like a GET: a login that failed on the way is harmless to repeat). */
export function tokenRequester(settings: Settings): RequestToken {
  const call: Call = { method: "POST", path: TOKEN_PATH };
  const failed = (failure: Parameters<typeof toClientError>[0]) =>
    toClientError(failure, { ...call, timeoutMs: settings.timeoutMs, secrets: settings.secrets() });
  return async (form) => {
    const body = formBody(form);
    const build = (signal: AbortSignal) =>
      new Request(settings.baseUrl + TOKEN_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
        signal,
        redirect: "manual",
      });
    let answer;
    try {
      answer = await withRetries(() => attempt(settings, call, build, undefined), settings.retry, undefined);
    } catch (error) {
      throw failed({ kind: "thrown", error });
    }
    if (answer.status < 200 || answer.status > 299) throw failed({ kind: "status", status: answer.status, text: answer.text });
    let data: unknown;
    try {
      data = JSON.parse(answer.text);
    } catch (cause) {
      throw failed({ kind: "notJson", status: answer.status, cause });
    }
    return issuedToken(data, answer.status, call);
  };
}

/** The form as `application/x-www-form-urlencoded` text: a string, so each attempt can send it again. */
function formBody(form: TokenRequest): string {
  const fields = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) fields.set(name, String(value));
  return fields.toString();
}

/** A token answer the client can use: at least a non-empty `access_token`, else the login failed. */
function issuedToken(data: unknown, status: number, call: Call): IssuedToken {
  const answer = (typeof data === "object" && data !== null ? data : {}) as Partial<Record<keyof IssuedToken, unknown>>;
  if (typeof answer.access_token !== "string" || answer.access_token === "") {
    // The body is left out: it may hold a refresh token.
    throw new Vbm365ApiError({ ...call, status, body: undefined, detail: "the token answer has no access_token, so the login failed: check that baseUrl is the REST API's address" });
  }
  return {
    access_token: answer.access_token,
    refresh_token: typeof answer.refresh_token === "string" ? answer.refresh_token : undefined,
    expires_in: typeof answer.expires_in === "number" ? answer.expires_in : undefined,
  };
}

/** The `fetch` of the typed api client: each attempt rebuilt with its deadline and `redirect: "manual"`. */
export function apiFetch(settings: Settings): Fetch {
  return async (request) => {
    const call: Call = { method: request.method, path: new URL(request.url).pathname };
    const body = request.body ? await request.arrayBuffer() : undefined;
    // Whatever the call asked for, redirects are refused (`redirect: "manual"`).
    const build = (signal: AbortSignal) =>
      new Request(request.url, { method: request.method, headers: request.headers, body, signal, redirect: "manual" });
    // Only reads are repeated on failure.
    const retry = request.method === "GET" ? settings.retry : false;
    const answer = await withRetries(() => attempt(settings, call, build, request.signal), retry, request.signal);
    // openapi-fetch reads the body again from this Response; statuses without a body get none.
    const noBody = answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new Response(noBody ? null : answer.text, { status: answer.status, headers: answer.headers });
  };
}
