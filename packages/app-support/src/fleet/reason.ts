// Why a server did not answer, as one word a fleet summary can group by. The detailed line
// (what to do) comes from the app's own messages; this is the category beside it.
import { ConfigFileError } from "../config/errors.js";
import { ServerDeadlineError } from "./run.js";

export type FailureReason = "unreachable" | "login refused" | "TLS" | "API version" | "timeout" | "credentials" | "server error" | "error";

const TLS_CODE = /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "Vbm365NetworkError"]);

/** Names and codes along the cause chain (fetch hides the socket's error in `cause`). */
function chain(error: unknown): { names: string[]; status?: number; message: string } {
  const names: string[] = [];
  let status: number | undefined;
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; status?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof candidate.code === "string") names.push(candidate.code);
    if (typeof candidate.name === "string") names.push(candidate.name);
    if (status === undefined && typeof candidate.status === "number") status = candidate.status;
    for (const inner of candidate.errors ?? []) if (typeof (inner as { code?: unknown })?.code === "string") names.push((inner as { code: string }).code);
    current = candidate.cause;
  }
  return { names, status, message: error instanceof Error ? error.message : String(error) };
}

export function failureReason(error: unknown): FailureReason {
  if (error instanceof ServerDeadlineError) return "timeout";
  if (error instanceof ConfigFileError) return "credentials";
  const { names, status, message } = chain(error);
  if (names.includes("ApiVersionError") || /serves none of the REST API versions|needs REST API v8/.test(message)) return "API version";
  if (status === 401 || status === 403) return "login refused";
  if (names.some((name) => TLS_CODE.test(name))) return "TLS";
  if (names.some((name) => NETWORK_CODES.has(name)) || /fetch failed/i.test(message)) return "unreachable";
  if (names.includes("Vbm365TimeoutError") || names.includes("TimeoutError")) return "timeout";
  if (typeof status === "number") return "server error";
  return "error";
}
