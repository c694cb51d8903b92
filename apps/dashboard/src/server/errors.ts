// Turns any failure into a status and a message that is safe to show in the browser: the
// kind comes from app-support's one classification, the words are fixed here. Nothing from
// the VBM365 server's answer or the client's message is passed through: either could carry
// a token, a password or internal detail.
import { classifyError, type Problem } from "@vbm365/app-support";
import { redactText, type WalkStop } from "@vbm365/client";
import { UnexpectedAnswer } from "./answer-check.js";
import { archiveSafeError } from "./archive-source.js";
import { BadRequest } from "./query.js";

export interface SafeError {
  status: number;
  message: string;
}

const unreachable: SafeError = {
  status: 502,
  message:
    "Could not reach the VBM365 server. Check VBM365_URL, that the server is up, and VBM365_CA_FILE if it uses a private certificate.",
};

export function toSafeError(error: unknown): SafeError {
  const archived = archiveSafeError(error);
  if (archived) return archived;
  if (error instanceof BadRequest) return { status: 400, message: error.message };
  if (error instanceof UnexpectedAnswer) return { status: 502, message: error.message };
  return fromProblem(classifyError(error));
}

function fromProblem(problem: Problem): SafeError {
  switch (problem.kind) {
    case "walkStopped":
      return walkStopped[problem.reason];
    case "timeout":
      return { status: 504, message: "The VBM365 server did not answer in time; try again, or a shorter window." };
    case "noSuchSession":
      return { status: 404, message: "No restore session with that id on the VBM365 server." };
    case "versionNotServed":
      return {
        status: 502,
        message:
          "The VBM365 server does not serve this REST API version's restore sessions at VBM365_URL (HTTP 404). Check VBM365_URL, or VBM365_API_VERSION if it pins a version the server lacks.",
      };
    case "credentials":
      return {
        status: 502,
        message: `The VBM365 server refused the dashboard's credentials (HTTP ${problem.status}). Check VBM365_TOKEN or VBM365_USERNAME/VBM365_PASSWORD where the dashboard runs.`,
      };
    case "rateLimited":
      return { status: 503, message: "The VBM365 server is busy (HTTP 429); try again in a moment." };
    case "badAnswer":
      // A redirect the client refused is named by its status; a 2xx it could not read is not a page.
      if (problem.status >= 300) return { status: 502, message: `The VBM365 server answered HTTP ${problem.status}.` };
      return {
        status: 502,
        message: "The VBM365 server's answer is not what the dashboard expects (not a valid page of restore sessions).",
      };
    case "rejected":
      return { status: 502, message: "The VBM365 server answered HTTP 400." };
    case "serverError":
      return { status: 502, message: `The VBM365 server answered HTTP ${problem.status}.` };
    default:
      return unreachable;
  }
}

// The client ends a walk that a server would make endless or wrong; fixed messages, as above.
const walkStopped: Record<WalkStop, SafeError> = {
  shape: {
    status: 502,
    message: "The VBM365 server sent a page without a list of restore sessions; nothing is shown rather than an empty table.",
  },
  offset: { status: 502, message: "The VBM365 server's pages do not advance (it ignores the offset); the dashboard stopped reading." },
  repeated: { status: 502, message: "The VBM365 server sent the same sessions page after page; the dashboard stopped reading." },
  maxPages: {
    status: 422,
    message: "This window needs more pages from VBM365 than the dashboard reads for one window; choose a narrower one.",
  },
  maxDuration: { status: 422, message: "Reading this window from VBM365 takes too long; choose a narrower one." },
};

/** A one-line description for the server's own log, with every secret masked in every form. */
export function describeForLog(error: unknown, secrets: readonly (string | undefined)[]): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactText(text.split("\n")[0] ?? "", secrets);
}
