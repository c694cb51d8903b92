// The two requests that do not go through `one()`: the token request, and whatever a caller
// sends through the typed openapi-fetch client (`api`). Both use the same attempt, so they
// too have a deadline per attempt, a body cap, and never follow a redirect.
import { attempt, type AttemptSettings, type Call } from "./attempt.js";
import { isTokenPath, withToken, type IssuedToken, type RequestToken, type TokenSource } from "./auth.js";
import { fetchJson } from "./calls.js";
import { Vbm365ApiError } from "./errors.js";
import { withRetries, type RetryOptions } from "./retry.js";
import type { Fetch } from "./types.js";

export const TOKEN_PATH = "/v6/token";

type Settings = AttemptSettings & { baseUrl: string; retry: RetryOptions | false };

/** Posts the token form (retried like a GET: a login that failed on the way is harmless to repeat). */
export function tokenRequester(settings: Settings): RequestToken {
  const call: Call = { method: "POST", path: TOKEN_PATH };
  return async (form) => {
    // A string, so that each attempt can send it again.
    const body = new URLSearchParams(form).toString();
    const build = (signal: AbortSignal) =>
      new Request(settings.baseUrl + TOKEN_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
        signal,
        redirect: "manual",
      });
    let status = 0;
    const data = await fetchJson<Partial<IssuedToken> | undefined>(settings, call, undefined, async () => {
      const answer = await withRetries(() => attempt(settings, call, build, undefined), settings.retry, undefined);
      status = answer.status;
      return answer;
    });
    // Without a token the login failed, whatever the status said: never send `Bearer undefined`.
    // The body is left out of the error: it may hold a refresh token.
    if (typeof data?.access_token !== "string" || data.access_token === "") {
      throw new Vbm365ApiError({ ...call, status, body: undefined, detail: "the token answer has no access_token: check that baseUrl is the REST API" });
    }
    return data as IssuedToken;
  };
}

/**
 * The `fetch` of the typed api client: the bearer token set (except on the token request,
 * `security: []` in the spec, which a login would only repeat), each attempt rebuilt with its
 * deadline and `redirect: "manual"`, one renewal after a 401.
 */
export function apiFetch(settings: Settings & { tokens: TokenSource }): Fetch {
  return async (request) => {
    const call: Call = { method: request.method, path: new URL(request.url).pathname };
    const body = request.body ? await request.arrayBuffer() : undefined;
    // Only reads are repeated on failure.
    const retry = request.method === "GET" ? settings.retry : false;
    const send = (token: string | undefined) => {
      const headers = new Headers(request.headers);
      if (token !== undefined) headers.set("Authorization", `Bearer ${token}`);
      // Whatever the call asked for, redirects are refused (`redirect: "manual"`).
      const build = (signal: AbortSignal) => new Request(request.url, { method: request.method, headers, body, signal, redirect: "manual" });
      return withRetries(() => attempt(settings, call, build, request.signal), retry, request.signal);
    };
    const answer = isTokenPath(call.path) ? await send(undefined) : await withToken(settings.tokens, send);
    // openapi-fetch reads the body again from this Response; statuses without a body get none.
    const noBody = answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new Response(noBody ? null : answer.text, { status: answer.status, headers: answer.headers });
  };
}
