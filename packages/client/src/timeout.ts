// A deadline per request (each retry gets a fresh one), joined with the caller's own signal.
import type { Fetch } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 30000;

export function withTimeout(fetch: Fetch, timeoutMs: number): Fetch {
  return async (request) => {
    // A plain controller held by its timer rather than AbortSignal.timeout/any, which
    // Node 20 holds only weakly: garbage collection could drop a deadline before it fires.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    const follow = () => controller.abort(request.signal.reason);
    if (request.signal.aborted) follow();
    else request.signal.addEventListener("abort", follow, { once: true });
    try {
      const response = await fetch(new Request(request, { signal: controller.signal }));
      // The deadline goes on to cover reading the body, but must not keep Node running
      // after the caller is done (a Stop's empty body is never read).
      (timer as { unref?: () => void }).unref?.();
      return response;
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
  };
}

/** True when `error` is the deadline firing rather than the caller aborting. */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "TimeoutError";
}
