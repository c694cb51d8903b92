// Retries for requests that are safe to repeat: GETs and the token request (a login that
// failed on the way is harmless to send again). A Stop is never repeated.
import type { Answer, Tried } from "./attempt.js";
import { abortableSleep, isTimeout } from "./signals.js";

/** How GETs and the token request are retried (a Stop never is); every field has a default. */
export type RetryOptions = {
  /** Further attempts after the first; default 3. */
  retries?: number;
  /** First backoff delay; default 500 ms, doubled per attempt, with jitter. */
  minDelayMs?: number;
  /** Upper bound of any wait, `Retry-After` included; default 30000 ms. */
  maxDelayMs?: number;
};

/** What to do after an attempt. */
export type Decision =
  | { action: "stop" }
  /** Send again at once, without using up a retry. */
  | { action: "resend" }
  | { action: "wait"; delayMs: number };

export type RetryState = {
  /** Attempts made so far, counted from 0 (resends not counted). */
  attempt: number;
  /** No second send of any kind (`retry: false`, or a request that is not safe to repeat). */
  once: boolean;
  /** A stale connection was already resent once. */
  resent: boolean;
  /** The caller aborted. */
  aborted: boolean;
};

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Whether and when to try again after `tried`; one branch per rule, first match wins. */
export function retryDecision(tried: Tried, state: RetryState, options: RetryOptions, now = Date.now()): Decision {
  // The caller gave up, or the request may not be repeated.
  if (state.aborted || state.once) return { action: "stop" };
  if ("answer" in tried) {
    // Status: only overload and gateway answers pass; any other answer is final.
    if (!RETRY_STATUSES.has(tried.answer.status)) return { action: "stop" };
  } else {
    // Transient errors only: a refused redirect, a body over the cap or an untrusted certificate comes back the same.
    if (!isTransient(tried.error)) return { action: "stop" };
    // Stale kept-alive socket: the server closed it meanwhile and the request failed before any
    // answer. Sent again at once, once per request, without using up a retry.
    if (!tried.answered && !state.resent && /SOCKET|RESET/.test(causeCode(tried.error))) return { action: "resend" };
  }
  // Last attempt: the caller gets the last answer or error.
  if (state.attempt >= (options.retries ?? 3)) return { action: "stop" };
  // Retry-After: the server says when; never longer than maxDelayMs.
  const retryAfter = "answer" in tried ? parseRetryAfter(tried.answer.headers.get("retry-after"), now) : undefined;
  if (retryAfter !== undefined) return { action: "wait", delayMs: Math.min(retryAfter, options.maxDelayMs ?? 30000) };
  // A transient failure: exponential backoff with jitter.
  return { action: "wait", delayMs: backoffMs(state.attempt, options) };
}

/** Runs `send` until `retryDecision` says stop; the last answer, or the last error thrown. */
export async function withRetries(
  send: () => Promise<Tried>,
  options: RetryOptions | false,
  signal: AbortSignal | undefined,
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void> = abortableSleep,
): Promise<Answer> {
  const state: RetryState = { attempt: 0, once: options === false, resent: false, aborted: false };
  for (;;) {
    const tried = await send();
    state.aborted = signal?.aborted ?? false;
    const decision = retryDecision(tried, state, options || {});
    if (decision.action === "stop") {
      if ("answer" in tried) return tried.answer;
      throw tried.error;
    }
    if (decision.action === "resend") {
      state.resent = true;
      continue;
    }
    await sleep(decision.delayMs, signal);
    state.attempt += 1;
  }
}

/** "Equal jitter": between half and all of the doubled step, so many clients do not retry in step. */
export function backoffMs(attempt: number, options: RetryOptions): number {
  const min = options.minDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30000;
  const ceiling = Math.min(max, min * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

// Connection failures and timeouts may pass; a certificate the client does not trust will not.
function isTransient(error: unknown): boolean {
  if (isTimeout(error)) return true;
  return error instanceof TypeError && error.constructor === TypeError && !/CERT|SELF_SIGNED|VERIFY|TLS/i.test(causeCode(error));
}

function causeCode(error: unknown): string {
  return String((error as { cause?: { code?: unknown } }).cause?.code ?? "");
}
