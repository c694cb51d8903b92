// Sends a generated request as it is, or in an equivalent spelling the server must answer
// the same way: every byte of the query values percent-encoded, or an extra query
// parameter the spec does not name (servers ignore those, so the data must not change; a
// link may keep it, see same-answer.ts).
import { send, type HttpResponse } from "../http.js";
import type { Target } from "../target.js";
import type { FuzzRequest } from "./requests.js";

export const exchangeSpellings = ["plain", "percent-encoded", "unknown-parameter"] as const;
export type Spelling = (typeof exchangeSpellings)[number];

export const unknownParameter = "vbm365FuzzUnknown";

function percentEveryByte(value: string): string {
  return [...Buffer.from(value, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/** The request line (path and query) in a spelling; never holds a header or a body. */
export function requestLine(r: FuzzRequest, spelling: Spelling = "plain"): string {
  const path = r.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(r.values[name] ?? ""));
  const pairs = r.query.map(
    ([k, v]) => `${encodeURIComponent(k)}=${spelling === "percent-encoded" ? percentEveryByte(v) : encodeURIComponent(v)}`,
  );
  if (spelling === "unknown-parameter") pairs.push(`${unknownParameter}=1`);
  return `${path}${pairs.length > 0 ? `?${pairs.join("&")}` : ""}`;
}

export async function sendRequest(
  target: Target,
  r: FuzzRequest,
  spelling: Spelling = "plain",
  token = target.token,
): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  if (r.auth === "token" && r.op.secured) headers.authorization = `Bearer ${token}`;
  if (r.auth === "bogus") headers.authorization = "Bearer vbm365-fuzz-token-never-issued";
  let body: string | undefined;
  if (r.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(r.form).toString();
  } else if (r.op.method !== "GET") body = "";
  const base = target.baseUrl.endsWith("/") ? target.baseUrl.slice(0, -1) : target.baseUrl;
  target.onRequest?.(r.op.method, requestLine(r, spelling));
  return send({ method: r.op.method, url: `${base}${requestLine(r, spelling)}`, headers, body }, { ca: target.ca });
}
