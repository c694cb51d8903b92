// Retries for requests that are safe to repeat: GETs and the token request (a login that
// failed on the way is harmless to send again). A Stop is never repeated.
import { isTimeout, onAbort } from "./timeout.js";
import type { Fetch } from "./types.js";

export type RetryOptions = {
  /** Further attempts after the first; default 3. */
  retries?: number;
  /** First backoff delay; default 500 ms, doubled per attempt, with jitter. */
  minDelayMs?: number;
  /** Upper bound of any wait, `Retry-After` included; default 30000 ms. */
  maxDelayMs?: number;
};

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const RETRY_STATUSES = [429, 502, 503, 504];

export function withRetry(fetch: Fetch, options: RetryOptions, sleep: Sleep = abortableSleep): Fetch {
  const retries = options.retries ?? 3;
  return async (request) => {
    let staleOnce = true;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      let response: Response | undefined;
      let retryAfter: string | null = null;
      try {
        // A GET has no body to use up: the same Request goes again, uncloned (a clone costs ~40 µs).
        response = await fetch(request.body ? request.clone() : request);
        if (last || !RETRY_STATUSES.includes(response.status)) {
          // Read here, so a body cut off (reset, truncated, too slow) is retried like a lost
          // request rather than ending a walk. A page is at most ~10,000 sessions: fine to hold.
          return response.body ? new Response(await response.arrayBuffer(), response) : response;
        }
        retryAfter = response.headers.get("retry-after");
        await response.body?.cancel().catch(() => undefined);
      } catch (error) {
        if (request.signal.aborted || !isTransient(error)) throw error;
        // A kept-alive connection the server closed meanwhile fails before any answer: sent
        // again at once, once per request, without using up a retry.
        if (!response && staleOnce && /SOCKET|RESET/.test(causeCode(error))) {
          staleOnce = false;
          attempt--;
          continue;
        }
        if (last) throw error;
      }
      await sleep(retryDelayMs(attempt, retryAfter, options), request.signal);
    }
  };
}

/** How long to wait before attempt `attempt + 1`: `Retry-After` if given, else exponential backoff with jitter. */
export function retryDelayMs(attempt: number, retryAfter: string | null, options: RetryOptions, now = Date.now()): number {
  const min = options.minDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30000;
  const ceiling = Math.min(max, min * 2 ** attempt);
  // "Equal jitter": at least half the step, so many clients do not retry in step.
  return Math.min(parseRetryAfter(retryAfter, now) ?? Math.round(ceiling / 2 + (Math.random() * ceiling) / 2), max);
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return +text * 1000;
  const at = Date.parse(text);
  return isNaN(at) ? undefined : Math.max(0, at - now);
}

// Connection failures and timeouts may pass; a certificate the client does not trust will not.
function isTransient(error: unknown): boolean {
  return isTimeout(error) || (error instanceof TypeError && !/CERT|SELF_SIGNED|VERIFY|TLS/i.test(causeCode(error)));
}

const causeCode = (error: unknown) => String((error as { cause?: { code?: unknown } }).cause?.code ?? "");

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
    const stopListening = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
