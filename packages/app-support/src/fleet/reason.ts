// Why a server did not answer, as one word a fleet summary can group by: app-support's one
// classification of failures, in the fleet's words. The detailed line (what to do) comes
// from the app's own messages; this is the category beside it.
import { ConfigFileError } from "../config/errors.js";
import { classifyError } from "../problems.js";
import { ServerDeadlineError } from "./run.js";

export type FailureReason = "unreachable" | "login refused" | "TLS" | "API version" | "timeout" | "credentials" | "server error" | "error";

export function failureReason(error: unknown): FailureReason {
  if (error instanceof ServerDeadlineError) return "timeout";
  // A configured secret that could not be read (a variable unset, a file, a vault command).
  if (error instanceof ConfigFileError) return "credentials";
  // A v8-only option asked of a server that speaks an older version: the client refuses a
  // v8-only call, an app the flags that would need one, each saying so in these words.
  if (error instanceof Error && error.message.includes("needs REST API v8")) return "API version";
  const problem = classifyError(error);
  switch (problem.kind) {
    case "versionNotServed":
      return "API version";
    case "credentials":
      return "login refused";
    case "untrusted":
      return "TLS";
    case "unreachable":
      return "unreachable";
    case "timeout":
      return "timeout";
    case "noSuchSession":
    case "rateLimited":
    case "rejected":
    case "serverError":
    case "badAnswer":
      return "server error";
    default:
      return "error";
  }
}
