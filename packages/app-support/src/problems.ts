// One classification of what went wrong talking to a server, for every app: the audit CLI
// words each kind for a terminal and picks an exit code, the dashboard words it for a page.
// Client errors are told apart by their classes; network and certificate failures by the
// codes Node and undici put in the cause chain.
import {
  Vbm365ApiError,
  Vbm365NetworkError,
  Vbm365TimeoutError,
  Vbm365ValidationError,
  Vbm365WalkError,
  type WalkStop,
} from "@vbm365/client";
import { OPERATION_PATHS } from "@vbm365/client/facts";
import { SettingsError } from "./settings-error.js";

/** What went wrong, in the terms a user can act on. */
export type Problem =
  /** The user's own input: a bad argument the client refused, or a bad setting. `detail` is the one-line reason. */
  | { kind: "input"; detail: string }
  /** The server refused the credentials (401, or 403). */
  | { kind: "credentials"; status: number; serverMessage: string | undefined }
  /** A 404 on a path of one session (its events, Stop, ...): no such session. */
  | { kind: "noSuchSession"; path: string; serverMessage: string | undefined }
  /** A 404 on the session list or the token path, which every served version has: the REST API version is not served. */
  | { kind: "versionNotServed"; path: string }
  /** 429. */
  | { kind: "rateLimited" }
  /** 400: the server refused the request itself. */
  | { kind: "rejected"; serverMessage: string | undefined }
  /** Any other non-2xx status. */
  | { kind: "serverError"; status: number; serverMessage: string | undefined }
  /** A 2xx answer the client refused (not JSON, too large, a redirect): `detail` says which. */
  | { kind: "badAnswer"; status: number; detail: string }
  /** The client ended a walk the server would have made endless or wrong, or that hit its bound. */
  | { kind: "walkStopped"; reason: WalkStop; detail: string }
  /** No answer within the deadline. */
  | { kind: "timeout" }
  /** The server's certificate is not trusted (`code` as Node names it). */
  | { kind: "untrusted"; code: string }
  /** No connection: refused, unknown host, reset. `detail` is short and says which. */
  | { kind: "unreachable"; detail: string }
  /** Output closed by the reader (a pager or `head` quit): nothing to report. */
  | { kind: "outputClosed" }
  /** Anything else: a fault of the app, shown with its message. */
  | { kind: "unexpected"; detail: string };

// A Map: codes are looked up by name, and a plain object would also "have" `constructor`.
const NETWORK_CODES = new Map<string, string>(
  Object.entries({
    ECONNREFUSED: "connection refused",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    ETIMEDOUT: "connection timed out",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    UND_ERR_CONNECT_TIMEOUT: "connection timed out",
    UND_ERR_SOCKET: "connection closed",
    UND_ERR_HEADERS_TIMEOUT: "server did not answer in time",
  }),
);
const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_UNTRUSTED",
]);

/** What `error` means for the user. */
export function classifyError(error: unknown): Problem {
  if (error instanceof Vbm365ValidationError || error instanceof SettingsError) return { kind: "input", detail: error.message };
  if (error instanceof Vbm365WalkError) return { kind: "walkStopped", reason: error.reason, detail: error.message };
  if (error instanceof Vbm365ApiError) return fromStatus(error);
  const codes = codesOf(error);
  const tls = codes.find((code) => TLS_CODES.has(code));
  if (tls) return { kind: "untrusted", code: tls };
  // AbortError: the deadline of a caller that aborts on a timer of its own.
  if (error instanceof Vbm365TimeoutError || codes.includes("TimeoutError") || codes.includes("AbortError")) return { kind: "timeout" };
  const network = codes.find((code) => NETWORK_CODES.has(code));
  if (network) return { kind: "unreachable", detail: NETWORK_CODES.get(network)! };
  if (codes.includes("EPIPE")) return { kind: "outputClosed" };
  const message = error instanceof Error ? error.message : String(error);
  // fetch's own failure, when no code says more.
  if (error instanceof Vbm365NetworkError || /fetch failed/i.test(message)) return { kind: "unreachable", detail: message };
  return { kind: "unexpected", detail: message };
}

function fromStatus(error: Vbm365ApiError): Problem {
  const { status, path } = error;
  const { message } = (error.body ?? {}) as { message?: unknown };
  const serverMessage = typeof message === "string" && message !== "" ? message : undefined;
  if (status === 401 || status === 403) return { kind: "credentials", status, serverMessage };
  if (status === 404) {
    const versionRoot = OPERATION_PATHS.RestoreSession_GetPage.test(path) || OPERATION_PATHS.token.test(path);
    return versionRoot ? { kind: "versionNotServed", path } : { kind: "noSuchSession", path, serverMessage };
  }
  if (status === 429) return { kind: "rateLimited" };
  if (status === 400) return { kind: "rejected", serverMessage };
  if (status >= 200 && status < 400) return { kind: "badAnswer", status, detail: error.message };
  return { kind: "serverError", status, serverMessage };
}

/** Error codes and names anywhere in the cause chain (fetch wraps the socket's error in `cause`). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof candidate.code === "string") codes.push(candidate.code);
    if (typeof candidate.name === "string") codes.push(candidate.name);
    // AggregateError (happy eyeballs) keeps each attempt's error.
    for (const inner of candidate.errors ?? [])
      if (typeof (inner as { code?: unknown })?.code === "string") codes.push((inner as { code: string }).code);
    current = candidate.cause;
  }
  return codes;
}
