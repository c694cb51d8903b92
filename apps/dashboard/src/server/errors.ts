// Turns any failure into a status and a message that is safe to show in the browser.
// Nothing from the VBM365 server's answer or the client's message is passed through:
// either could carry a token, a password or internal detail.
import { Vbm365ApiError, Vbm365TimeoutError, Vbm365WalkError, type WalkStop } from "@vbm365/client";
import { UnexpectedAnswer } from "./answer-check.js";
import { archiveSafeError } from "./archive-source.js";
import { BadRequest } from "./query.js";
import { redact } from "./redact.js";

export interface SafeError {
  status: number;
  message: string;
}

export function toSafeError(error: unknown): SafeError {
  const archived = archiveSafeError(error);
  if (archived) return archived;
  if (error instanceof BadRequest) return { status: 400, message: error.message };
  if (error instanceof UnexpectedAnswer) return { status: 502, message: error.message };
  if (error instanceof Vbm365WalkError) return walkStopped[error.reason];
  if (error instanceof Vbm365TimeoutError) {
    return { status: 504, message: "The VBM365 server did not answer in time; try again, or a shorter window." };
  }
  if (error instanceof Vbm365ApiError) {
    const status = error.status;
    if (status === 404) return notFound(error.path);
    if (status === 401 || status === 403) {
      return {
        status: 502,
        message: `The VBM365 server refused the dashboard's credentials (HTTP ${status}). Check VBM365_TOKEN or VBM365_USERNAME/VBM365_PASSWORD where the dashboard runs.`,
      };
    }
    if (status === 429) return { status: 503, message: "The VBM365 server is busy (HTTP 429); try again in a moment." };
    if (status >= 200 && status < 300) {
      return { status: 502, message: "The VBM365 server's answer is not what the dashboard expects (not a valid page of restore sessions)." };
    }
    return { status: 502, message: `The VBM365 server answered HTTP ${status}.` };
  }
  return {
    status: 502,
    message: "Could not reach the VBM365 server. Check VBM365_URL, that the server is up, and VBM365_CA_FILE if it uses a private certificate.",
  };
}

/**
 * A 404 for one session means it is not there; a 404 for the list (or the "auto" probe)
 * means the server does not serve that REST API version at VBM365_URL.
 */
function notFound(path: string): SafeError {
  if (/\/RestoreSessions\/[^/]+/i.test(path)) return { status: 404, message: "No restore session with that id on the VBM365 server." };
  return {
    status: 502,
    message: "The VBM365 server does not serve this REST API version's restore sessions at VBM365_URL (HTTP 404). Check VBM365_URL, or VBM365_API_VERSION if it pins a version the server lacks.",
  };
}

// The client ends a walk that a server would make endless or wrong; fixed messages, as above.
const walkStopped: Record<WalkStop, SafeError> = {
  shape: { status: 502, message: "The VBM365 server sent a page without a list of restore sessions; nothing is shown rather than an empty table." },
  offset: { status: 502, message: "The VBM365 server's pages do not advance (it ignores the offset); the dashboard stopped reading." },
  repeated: { status: 502, message: "The VBM365 server sent the same sessions page after page; the dashboard stopped reading." },
  maxPages: { status: 422, message: "This window needs more pages from VBM365 than the dashboard reads for one window; choose a narrower one." },
  maxDuration: { status: 422, message: "Reading this window from VBM365 takes too long; choose a narrower one." },
};

/** A one-line description for the server's own log, with every secret masked in every form. */
export function describeForLog(error: unknown, secrets: readonly (string | undefined)[]): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redact(text.split("\n")[0] ?? "", secrets);
}
