// A deadline per request (each retry gets a fresh one), joined with the caller's own signal.
import type { Fetch } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 30000;

export function withTimeout(fetch: Fetch, timeoutMs: number): Fetch {
  return (request) => {
    // The signal stays attached to the response body, so a body that stalls also ends at the deadline.
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]);
    return fetch(new Request(request, { signal }));
  };
}

/** True when `error` is the deadline firing rather than the caller aborting. */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "TimeoutError";
}
