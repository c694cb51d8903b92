// Turns any failure into one line a user can act on, and an exit code.
import { CliError, UsageError } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import { redactUrl } from "./connection.js";
import { terminalSafe } from "./sanitize.js";

export interface Failure {
  message: string;
  exitCode: number;
}

// A Map: error codes are looked up by name, and a plain object would also "have" `constructor`.
const NETWORK_CODES = new Map<string, string>(Object.entries({
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
}));
const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_HAS_EXPIRED", "ERR_TLS_CERT_ALTNAME_INVALID", "CERT_UNTRUSTED",
]);

/** Error codes anywhere in the cause chain (fetch wraps the socket error in `cause`). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof candidate.code === "string") codes.push(candidate.code);
    if (typeof candidate.name === "string") codes.push(candidate.name);
    // AggregateError (happy eyeballs) keeps each attempt's error.
    for (const inner of candidate.errors ?? []) if (typeof (inner as { code?: unknown })?.code === "string") codes.push((inner as { code: string }).code);
    current = candidate.cause;
  }
  return codes;
}

export function describeFailure(error: unknown, server: string | undefined): Failure {
  if (error instanceof UsageError || error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  const where = server ? redactUrl(server) : "the server";
  // The client checks ids and windows before sending: a user mistake, not a server failure.
  if ((error as Error).name === "Vbm365ValidationError") {
    return { exitCode: EXIT.usage, message: `${(error as Error).message}: check the value and try again` };
  }

  // The client ended a walk the server would have made endless or wrong (a repeated page,
  // a page without results, an offset it ignores) or that hit the walk's bound.
  if ((error as Error).name === "Vbm365WalkError") {
    return { exitCode: EXIT.unavailable, message: `${where}: ${(error as Error).message}: check that the server pages correctly, or narrow the window` };
  }

  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") {
    const bodyMessage = (error as { body?: { message?: unknown } }).body?.message;
    // The server's own words, on one line: they may carry terminal escapes or line breaks.
    const serverMessage = typeof bodyMessage === "string" ? terminalSafe(bodyMessage) : "";
    const detail = serverMessage ? `: ${serverMessage}` : "";
    if (status === 401 || status === 403) {
      return { exitCode: EXIT.noPermission, message: `${where} refused the credentials (HTTP ${status}${detail}): check VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD` };
    }
    if (status === 404) return { exitCode: EXIT.notFound, message: `${where} has no such restore session (HTTP 404${detail}): check the id with 'vbm365-audit sessions'` };
    if (status === 429) return { exitCode: EXIT.unavailable, message: `${where} is rate-limiting requests (HTTP 429): wait a minute and try again` };
    if (status === 400) return { exitCode: EXIT.unavailable, message: `${where} rejected the request (HTTP 400${detail}): check the options, or run with --debug` };
    return { exitCode: EXIT.unavailable, message: `${where} answered HTTP ${status}${detail}: try again later, or check the server's health` };
  }

  const codes = codesOf(error);
  const tls = codes.find((code) => TLS_CODES.has(code));
  if (tls) {
    return { exitCode: EXIT.unavailable, message: `cannot trust the certificate of ${where} (${tls}): set VBM365_CA_FILE to the PEM of the CA that signed it` };
  }
  const network = codes.find((code) => NETWORK_CODES.has(code));
  if (network) {
    return { exitCode: EXIT.unavailable, message: `cannot reach ${where}: ${NETWORK_CODES.get(network)}: check --url / VBM365_URL and that the server is running` };
  }
  if (codes.includes("Vbm365TimeoutError") || codes.includes("TimeoutError") || codes.includes("AbortError")) {
    return { exitCode: EXIT.unavailable, message: `${where} did not answer in time: check the server, or try again` };
  }
  if (codes.includes("EPIPE")) return { exitCode: EXIT.ok, message: "" };
  const message = error instanceof Error ? error.message : String(error);
  if (codes.includes("Vbm365NetworkError") || /fetch failed/i.test(message)) {
    return { exitCode: EXIT.unavailable, message: `cannot reach ${where}: ${message}: check --url / VBM365_URL and that the server is running` };
  }
  return { exitCode: EXIT.internal, message: `unexpected error: ${message} (run with --debug for details)` };
}
