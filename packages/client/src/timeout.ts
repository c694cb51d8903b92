// A deadline per request (each retry gets a fresh one), joined with the caller's own signal.
import type { Fetch } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 30000;

export function withTimeout(fetch: Fetch, timeoutMs: number): Fetch {
  return async (request) => {
    // A plain controller held by its timer rather than AbortSignal.timeout/any, which
    // Node 20 holds only weakly: garbage collection could drop a deadline before it fires.
    const controller = new AbortController();
    const deadline = Date.now() + timeoutMs;
    const timer = setTimeout(() => expire(controller, timeoutMs), timeoutMs);
    onAbort(request.signal, () => controller.abort(request.signal.reason));
    try {
      return await fetch(new Request(request, { signal: controller.signal }));
    } finally {
      clearTimeout(timer);
      bodyDeadline(new WeakRef(controller), deadline - Date.now(), timeoutMs);
    }
  };
}

// The rest of the deadline covers reading the body. This timer holds the controller only
// weakly (and lives outside withTimeout's closure, which would hold it and the request
// strongly), and does not keep Node running: finished requests are not kept for the whole
// timeout, which for thousands of pages a minute would add up.
function bodyDeadline(controller: WeakRef<AbortController>, leftMs: number, timeoutMs: number) {
  // A negative delay fires at once.
  const timer = setTimeout(() => expire(controller.deref(), timeoutMs), leftMs);
  (timer as { unref?: () => void }).unref?.();
}

function expire(controller: AbortController | undefined, timeoutMs: number) {
  controller?.abort(new DOMException(`${timeoutMs} ms`, "TimeoutError"));
}

/** Calls `listener` when `signal` aborts, at once if it has; returns the way to stop listening. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) listener();
  else signal.addEventListener("abort", listener, { once: true });
  return () => signal.removeEventListener("abort", listener);
}

/** True when `error` is the deadline firing rather than the caller aborting. */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "TimeoutError";
}
