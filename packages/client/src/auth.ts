// Where the bearer token comes from, and the one way every call sends it (renewed once after a 401).
import type { TokenRequest, TokenResponse } from "./types.js";

/**
 * How the client logs in: a token sent as is, a user name and password to log in with (and
 * refresh), or a callback asked for a token before each call and again after a 401.
 */
export type Auth =
  | { token: string }
  | { username: string; password: string }
  | {
      /** Returns the token to send now; asked for each call, and again after a 401. */
      getToken: () => string | Promise<string>;
    };

export interface TokenSource {
  /** The token to send now. */
  current(): string | Promise<string>;
  /** A token to retry with after `rejected` got a 401, or undefined when there is none better. */
  renew(rejected: string | undefined): Promise<string | undefined>;
  /** Every secret this source knows (undefined where none is held yet), so errors can be scrubbed of them. */
  secrets(): (string | undefined)[];
}

/** What the client needs of a token answer; the rest of the seven fields is not relied on. */
export type IssuedToken = Pick<TokenResponse, "access_token"> & Partial<Pick<TokenResponse, "refresh_token" | "expires_in">>;

export type RequestToken = (form: TokenRequest) => Promise<IssuedToken>;

/** Renew this long before the server's expiry (or a tenth of the lifetime, if shorter). */
const RENEW_MARGIN_MS = 60_000;

export function tokenSource(auth: Auth, requestToken: RequestToken, now: () => number = Date.now): TokenSource {
  // A fixed token is a callback that always answers the same: a 401 then is final.
  if ("token" in auth) return callbackToken(() => auth.token);
  if ("getToken" in auth) return callbackToken(auth.getToken);
  return credentialToken(auth.username, auth.password, requestToken, now);
}

function callbackToken(getToken: () => string | Promise<string>): TokenSource {
  let last: string | undefined;
  return {
    async current() {
      last = await getToken();
      return last;
    },
    async renew(rejected) {
      last = await getToken();
      // The caller's source may have a fresher token by now; retry only if it does.
      return last === rejected ? undefined : last;
    },
    secrets: () => [last],
  };
}

type Held = IssuedToken & { renewAt: number };

function credentialToken(username: string, password: string, requestToken: RequestToken, now: () => number): TokenSource {
  let held: Held | undefined;
  let previous: Held | undefined;
  // One token request at a time: every call waiting for a token shares it.
  let pending: Promise<string> | undefined;

  const logIn = () => requestToken({ grant_type: "password", username, password });

  async function refreshOrLogIn(refreshToken: string): Promise<IssuedToken> {
    try {
      return await requestToken({ grant_type: "refresh_token", refresh_token: refreshToken });
    } catch {
      // A refresh token can be expired or revoked: log in again then.
      return logIn();
    }
  }

  async function fetchToken(): Promise<string> {
    const refreshToken = held?.refresh_token;
    previous = held ?? previous;
    held = undefined;
    const answer = refreshToken ? await refreshOrLogIn(refreshToken) : await logIn();
    held = { ...answer, renewAt: renewAt(answer.expires_in, now()) };
    return answer.access_token;
  }

  function obtain(): Promise<string> {
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    current() {
      if (held && now() < held.renewAt && !pending) return held.access_token;
      return obtain();
    },
    async renew(rejected) {
      if (pending) return pending;
      // Another call renewed it already.
      if (held && held.access_token !== rejected) return held.access_token;
      if (held) held.renewAt = -Infinity;
      return obtain();
    },
    secrets: () => [password, held?.access_token, held?.refresh_token, previous?.access_token, previous?.refresh_token],
  };
}

/** When to renew a token that lives `expiresIn` seconds; without a lifetime, only after a 401. */
function renewAt(expiresIn: number | undefined, issuedAt: number): number {
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn)) return Infinity;
  const lifetimeMs = Math.max(0, expiresIn * 1000);
  return issuedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 10);
}

/** True for a URL path ending in the token path, however a caller spells it (servers match paths case-insensitively). */
export const isTokenPath = (path: string) => /\/v\d+\/token$/i.test(path);

/**
 * Sends with the current token; after a 401, renews the token once and sends once more.
 * `send` gets the token to put in `Authorization: Bearer`.
 */
export async function withToken<T extends { status: number }>(tokens: TokenSource, send: (token: string) => Promise<T>): Promise<T> {
  const token = await tokens.current();
  const answer = await send(token);
  if (answer.status !== 401) return answer;
  // The token expired or was revoked; a source with nothing better answers undefined.
  const fresh = await tokens.renew(token);
  return fresh === undefined ? answer : send(fresh);
}
