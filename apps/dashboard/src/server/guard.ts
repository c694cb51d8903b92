// Who may talk to the dashboard. Three checks, each against a different attack:
// - Host: a page on another site that points its DNS name at our address (DNS rebinding)
//   sends its own name as Host. Only the names in the allowlist are answered, always.
// - Same origin: any page can make a browser send blind GETs (an <img>, a no-cors fetch)
//   to /api/*. Each would start a walk through VBM365. The page sends a custom header on
//   every call, which another site cannot add without a CORS preflight (refused: we send
//   no CORS headers); Sec-Fetch-Site and Origin, when the browser sends them, must agree.
// - Access token: once bound beyond loopback, anyone on the network could use the page;
//   the API then needs the token the operator set.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { apiHeader, accessTokenHeader } from "../shared/api.js";
import { HttpError } from "./http-error.js";

export interface HostAllowlist {
  /** Exact `name:port` values (lower case) answered. */
  exact: ReadonlySet<string>;
  /** Names answered on any port (from DASHBOARD_ALLOWED_HOSTS entries without a port). */
  anyPort: ReadonlySet<string>;
}

/** The loopback names, the bound address (unless a wildcard) and the operator's extra names. */
export function hostAllowlist(boundHost: string, port: number, extra: readonly string[]): HostAllowlist {
  const exact = new Set<string>();
  const anyPort = new Set<string>();
  const names = ["127.0.0.1", "localhost", "[::1]"];
  if (boundHost !== "0.0.0.0" && boundHost !== "::") names.push(boundHost.includes(":") ? `[${boundHost}]` : boundHost);
  for (const name of names) {
    exact.add(`${name.toLowerCase()}:${port}`);
    // Browsers leave out the default port.
    if (port === 80) exact.add(name.toLowerCase());
  }
  for (const entry of extra) {
    const lower = entry.toLowerCase();
    if (/:\d+$/.test(lower)) exact.add(lower);
    else anyPort.add(lower);
  }
  return { exact, anyPort };
}

export function checkHost(req: IncomingMessage, allowed: HostAllowlist): void {
  // Node keeps the first of several Host headers; a proxy in front may read another one.
  const hosts = req.rawHeaders.filter((_, index) => index % 2 === 0 && req.rawHeaders[index]!.toLowerCase() === "host");
  if (hosts.length !== 1) throw new HttpError(400, "A request needs exactly one Host header.");
  const host = (req.headers.host ?? "").toLowerCase();
  const name = host.replace(/:\d+$/, "");
  if (!allowed.exact.has(host) && !allowed.anyPort.has(name)) {
    throw new HttpError(421, "This dashboard answers only on its own address; add the name to DASHBOARD_ALLOWED_HOSTS to use another.");
  }
}

/** Every API call must come from the dashboard's own page (or a script that says so). */
export function checkSameOrigin(req: IncomingMessage): void {
  if (req.headers[apiHeader] !== "1") {
    throw new HttpError(403, `API requests must come from the dashboard's page (the ${apiHeader} header is missing).`);
  }
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") throw new HttpError(403, "API requests must come from the dashboard's page.");
  const origin = req.headers.origin;
  if (origin !== undefined && originHost(origin) !== (req.headers.host ?? "").toLowerCase()) {
    throw new HttpError(403, "API requests must come from the dashboard's page.");
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Compares digests, so the time taken says nothing about how much of the token matched. */
export function checkAccessToken(req: IncomingMessage, token: string | undefined): void {
  if (token === undefined) return;
  const given = req.headers[accessTokenHeader];
  if (typeof given !== "string" || !timingSafeEqual(digest(given), digest(token))) {
    throw new HttpError(
      401,
      "This dashboard needs its access token (DASHBOARD_ACCESS_TOKEN); enter it on the page.",
      {},
      { accessToken: true },
    );
  }
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
