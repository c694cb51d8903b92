// Signal helpers: listening for an abort, the deadline of one attempt, an abortable sleep.

const ignore = () => undefined;

/** Calls `listener` when `signal` aborts, at once if it has; returns the way to stop listening. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return ignore;
  }
  signal.addEventListener("abort", listener, { once: true });
  return () => signal.removeEventListener("abort", listener);
}

/** True when `error` is a deadline firing rather than the caller aborting. */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "TimeoutError";
}

/** The deadline of one attempt, joined with the caller's own signal. */
export interface Deadline {
  /** Aborts when the deadline passes (a `TimeoutError`) or the caller aborts (their reason). */
  readonly signal: AbortSignal;
  /** `work`, or a rejection as soon as `signal` aborts, whichever comes first. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Stops the timer and the link to the caller's signal; call once the attempt settled. */
  end(): void;
}

/**
 * Starts a deadline of `timeoutMs`. Its signal goes into the attempt's Request when the
 * Request is built, so fetch closes the connection on expiry. `race` does not rely on that:
 * fetch follows a signal through weak references only (Node 20's undici can lose it after a
 * garbage collection and then waits 300 s), so the attempt fails at its deadline regardless.
 */
export function startDeadline(timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let reject: (reason: unknown) => void = ignore;
  const aborted = new Promise<never>((_, rejectAborted) => {
    reject = rejectAborted;
  });
  // Nobody may be racing at the moment it fires (between two awaits of an attempt).
  aborted.catch(ignore);
  const abort = (reason: unknown) => {
    controller.abort(reason);
    reject(reason);
  };
  const timer = setTimeout(() => abort(new DOMException(`${timeoutMs} ms`, "TimeoutError")), timeoutMs);
  const stopFollowing: () => void = caller ? onAbort(caller, () => abort(caller.reason)) : ignore;
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, aborted]),
    end() {
      clearTimeout(timer);
      stopFollowing();
    },
  };
}

/** Waits `ms`; rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopListening: () => void = ignore;
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
    if (signal) {
      stopListening = onAbort(signal, () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    }
  });
}
