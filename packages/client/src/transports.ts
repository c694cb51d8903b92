// The two requests that do not go through `one()`: the token request, and whatever a caller
// sends through the typed openapi-fetch client (`api`). Both use the same attempt, so they
// too have a deadline per attempt, a body cap, and never follow a redirect.
import type { Call } from "./attempt.js";
import { isTokenPath, withToken, type IssuedToken } from "./auth.js";
import { answerOf, exchange, fetchJson, isSuccess } from "./calls.js";
import { Vbm365ApiError } from "./errors.js";
import type { ClientSettings } from "./settings.js";
import type { Fetch, TokenRequest } from "./types.js";
import type { ApiVersion } from "./versions.js";

/** Posts the token form (retried like a GET: a login that failed on the way is harmless to repeat). */
export async function requestToken(settings: ClientSettings, form: TokenRequest): Promise<IssuedToken> {
  const version = await settings.version();
  const call: Call = { method: "POST", path: `/${version}/token` };
  const fields = new URLSearchParams(form);
  // v7 and v8 want an antiforgery token from browsers unless told not to; this client is not a browser page.
  if (version !== "v6") fields.set("disable_antiforgery_token", "true");
  // A string, so that each attempt can send it again.
  const body = fields.toString();
  const build = (signal: AbortSignal) =>
    new Request(settings.baseUrl + call.path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
      signal,
      redirect: "manual",
    });
  let status = 0;
  const data = await fetchJson<Partial<IssuedToken> | undefined>(settings, call, undefined, async () => {
    const answer = await exchange(settings, call, build, settings.retry, undefined);
    status = answer.status;
    return answer;
  });
  // Without a token the login failed, whatever the status said: never send `Bearer undefined`.
  // The body is left out of the error: it may hold a refresh token.
  if (typeof data?.access_token !== "string" || data.access_token === "") {
    throw new Vbm365ApiError({
      ...call,
      status,
      body: undefined,
      detail: "the token answer has no access_token: check that baseUrl is the REST API",
    });
  }
  return data as IssuedToken;
}

/**
 * The `fetch` of the typed api client: the bearer token set (except on the token request,
 * `security: []` in the spec, which a login would only repeat), each attempt rebuilt with its
 * deadline and `redirect: "manual"`, one renewal after a 401.
 */
export function apiFetch(settings: ClientSettings): Fetch {
  return async (request) => {
    const call: Call = { method: request.method, path: new URL(request.url).pathname };
    const body = request.body ? await request.arrayBuffer() : undefined;
    // Only reads are repeated on failure.
    const retry = request.method === "GET" ? settings.retry : false;
    const send = (token: string | undefined) => {
      const headers = new Headers(request.headers);
      if (token !== undefined) headers.set("Authorization", `Bearer ${token}`);
      // Whatever the call asked for, redirects are refused (`redirect: "manual"`).
      const build = (signal: AbortSignal) =>
        new Request(request.url, { method: request.method, headers, body, signal, redirect: "manual" });
      return exchange(settings, call, build, retry, request.signal);
    };
    const answer = isTokenPath(call.path) ? await send(undefined) : await withToken(settings.tokens, send);
    // openapi-fetch reads the body again from this Response; statuses without a body get none.
    const noBody = answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new Response(noBody ? null : answer.text, { status: answer.status, headers: answer.headers });
  };
}

/**
 * Whether the server serves `version` ("auto"): an anonymous request to its list, 401 (or an
 * answer) meaning served, 404 not. Anything else fails the probe, which is asked again next call.
 */
export async function serves(settings: ClientSettings, version: ApiVersion): Promise<boolean> {
  const call: Call = { method: "GET", path: `/${version}/RestoreSessions` };
  const url = `${settings.baseUrl}${call.path}?limit=1`;
  const probe = () => exchange(settings, call, (signal) => new Request(url, { signal, redirect: "manual" }), settings.retry, undefined);
  const answer = await answerOf(settings, call, undefined, probe, (status) => status === 404 || status === 401 || isSuccess(status));
  return answer.status !== 404;
}
