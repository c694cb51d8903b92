// The faults the client must survive, and what it must do for each. The README's
// "Reliability" table is rendered from this list (readme.test.ts keeps the two in step).
import type { FaultSpec } from "@vbm365/testkit";
import { FAST } from "./support/clients.js";

export const SESSIONS = 240;
export const PAGE_SIZE = 40;
/** The request of the fourth page of a walk at PAGE_SIZE (as the client sends it). */
export const MID_WALK_PAGE = /[?&]offset=120(&|$)/;
const DATA_CALL = { path: /^\/v6\/RestoreSessions/i };
const TOKEN_CALL = { path: "/v6/Token" };

export type Expected =
  /** Answered with the right data after `requests` requests in all (retries included). */
  | { kind: "ok"; requests: number }
  /** `Vbm365ApiError` with this status after `requests` requests. */
  | { kind: "apiError"; status: number; requests: number }
  /** `Vbm365NetworkError` (not a timeout) with the low-level error as `cause`. */
  | { kind: "networkError"; requests: number }
  /** `Vbm365TimeoutError` with the deadline's abort as `cause`. */
  | { kind: "timeoutError"; requests: number }
  /** One of the client's typed errors (`Vbm365ApiError` or `Vbm365NetworkError`), the parse failure as its `cause`. */
  | { kind: "typedError"; requests: number };

export interface FaultCase {
  /** What the server does (the README's first column). */
  fault: string;
  /** What the client does (the README's second column). */
  outcome: string;
  /** `list`: one page; `walk`: iterate every page; `login`: a list with username/password. */
  call: "list" | "walk" | "login";
  /** Auth of a walk: `credentials` may renew its token after a 401. */
  auth?: "token" | "credentials";
  faults: () => FaultSpec[];
  expected: Expected;
  /** The outcome must arrive at least this late (e.g. after `Retry-After`)... */
  atLeastMs?: number;
  /** ...and no later than this. */
  withinMs: number;
  /** Client options other than the FAST defaults. */
  retry?: { retries?: number; minDelayMs?: number; maxDelayMs?: number };
  timeoutMs?: number;
  /** The client does not do this yet (reported to the lead): the case runs as `it.fails` until it does. */
  knownBug?: string;
}

// Worst case of FAST: (1 + retries) deadlines plus the capped backoff between them.
const ALL_ATTEMPTS = 1 + FAST.retry.retries;
// Far below the defaults (30 s deadline, 0.5-30 s backoff), yet robust on a busy 2-core machine.
const SLACK = 4000;
const TIMEOUTS_BOUND = ALL_ATTEMPTS * FAST.timeoutMs + FAST.retry.retries * FAST.retry.maxDelayMs + SLACK;

const once = (kind: FaultSpec["kind"], extra: Partial<FaultSpec> = {}): FaultSpec => ({ kind, match: DATA_CALL, ...extra });
const always = (kind: FaultSpec["kind"], extra: Partial<FaultSpec> = {}): FaultSpec => ({
  kind,
  match: DATA_CALL,
  times: Infinity,
  ...extra,
});

export const FAULT_CASES: FaultCase[] = [
  {
    fault: "HTTP 500",
    outcome: "not retried (a server error, not a transient one): `Vbm365ApiError` status 500 with the server's message",
    call: "list",
    faults: () => [once("status", { status: 500 })],
    expected: { kind: "apiError", status: 500, requests: 1 },
    withinMs: SLACK,
  },
  ...[502, 503, 504].map(
    (status): FaultCase => ({
      fault: `HTTP ${status} once`,
      outcome: "retried after a short backoff; the page arrives",
      call: "list",
      faults: () => [once("status", { status })],
      expected: { kind: "ok", requests: 2 },
      withinMs: SLACK,
    }),
  ),
  {
    fault: "HTTP 503 on every attempt",
    outcome: `gives up after ${FAST.retry.retries} retries: \`Vbm365ApiError\` status 503`,
    call: "list",
    faults: () => [always("status", { status: 503 })],
    expected: { kind: "apiError", status: 503, requests: ALL_ATTEMPTS },
    withinMs: SLACK,
  },
  {
    fault: "HTTP 429, `Retry-After: 1` (seconds)",
    outcome: "waits the second the server asked for, then retries; the page arrives",
    call: "list",
    faults: () => [once("retryAfter", { retryAfter: "1" })],
    retry: { retries: 2, minDelayMs: 5, maxDelayMs: 5000 },
    expected: { kind: "ok", requests: 2 },
    atLeastMs: 950,
    withinMs: 1000 + SLACK,
  },
  {
    fault: "HTTP 429, `Retry-After` as an HTTP date (~2 s ahead)",
    outcome: "waits until that date, then retries; the page arrives",
    call: "list",
    // HTTP dates have whole seconds: now + 2 s written down is at least 1 s ahead.
    faults: () => [once("retryAfter", { retryAfter: new Date(Date.now() + 2000).toUTCString() })],
    retry: { retries: 2, minDelayMs: 5, maxDelayMs: 5000 },
    expected: { kind: "ok", requests: 2 },
    atLeastMs: 950,
    withinMs: 2000 + SLACK,
  },
  {
    fault: "HTTP 429 on the token endpoint (throttled login)",
    outcome: "the login is retried after `Retry-After`; the data call then succeeds",
    call: "login",
    faults: () => [{ kind: "retryAfter", match: TOKEN_CALL, retryAfter: "0" }],
    expected: { kind: "ok", requests: 3 },
    withinMs: SLACK,
  },
  {
    fault: "Connection reset before the headers, once",
    outcome: "retried; the page arrives",
    call: "list",
    faults: () => [once("resetBeforeHeaders")],
    expected: { kind: "ok", requests: 2 },
    withinMs: SLACK,
  },
  {
    fault: "Connection reset before the headers, every attempt",
    outcome:
      "sent again at once (it looks like a stale kept-alive connection), then the normal retries; then `Vbm365NetworkError` (`no answer (...)`) with the socket error as `cause`",
    call: "list",
    faults: () => [always("resetBeforeHeaders")],
    expected: { kind: "networkError", requests: ALL_ATTEMPTS + 1 },
    withinMs: SLACK,
  },
  {
    fault: "Connection reset in the middle of the body, once",
    outcome: "retried (the body is read inside the retries); the page arrives",
    call: "list",
    faults: () => [once("resetMidBody")],
    expected: { kind: "ok", requests: 2 },
    withinMs: SLACK,
  },
  {
    fault: "Headers slower than the deadline (`timeoutMs` 400), every attempt",
    outcome: "each attempt is aborted at its deadline and retried; then `Vbm365TimeoutError` with the abort as `cause`",
    call: "list",
    faults: () => [always("delayHeaders", { delayMs: 5000 })],
    expected: { kind: "timeoutError", requests: ALL_ATTEMPTS },
    atLeastMs: ALL_ATTEMPTS * FAST.timeoutMs - 50,
    withinMs: TIMEOUTS_BOUND,
  },
  {
    fault: "Headers slower than the deadline, once",
    outcome: "the slow attempt is aborted, the retry answers; the page arrives",
    call: "list",
    faults: () => [once("delayHeaders", { delayMs: 5000 })],
    expected: { kind: "ok", requests: 2 },
    withinMs: FAST.timeoutMs + SLACK,
  },
  {
    fault: "Slow body (spread over 200 ms, inside the deadline)",
    outcome: "waits for the whole body; the page arrives, no retry",
    call: "list",
    faults: () => [once("slowBody", { delayMs: 200 })],
    expected: { kind: "ok", requests: 1 },
    withinMs: SLACK,
  },
  {
    fault: "Body slower than the deadline (spread over 3 s)",
    outcome: "the deadline covers reading the body: each attempt is aborted at its deadline and retried; then `Vbm365TimeoutError`",
    call: "list",
    faults: () => [always("slowBody", { delayMs: 3000 })],
    expected: { kind: "timeoutError", requests: ALL_ATTEMPTS },
    atLeastMs: ALL_ATTEMPTS * FAST.timeoutMs - 50,
    withinMs: TIMEOUTS_BOUND,
  },
  {
    fault: "Malformed JSON with status 200",
    outcome: "`Vbm365ApiError` status 200 (`... HTTP 200 body is not JSON ...`) with the parse error as `cause`; not retried",
    call: "list",
    faults: () => [once("malformedJson")],
    expected: { kind: "typedError", requests: 1 },
    withinMs: SLACK,
  },
  {
    fault: "Truncated body (shorter than its Content-Length)",
    outcome: "retried (the body is read inside the retries); the whole page arrives, never a partial one",
    call: "list",
    faults: () => [once("truncatedBody")],
    expected: { kind: "ok", requests: 2 },
    withinMs: SLACK,
  },
  {
    fault: "HTML error page with status 200 (a proxy)",
    outcome:
      "`Vbm365ApiError` status 200 (`... body is not JSON (a proxy's page?)`) with the parse error as `cause`; not retried (a proxy answers the same again)",
    call: "list",
    faults: () => [once("html", { status: 200 })],
    expected: { kind: "typedError", requests: 1 },
    withinMs: SLACK,
  },
  {
    fault: "HTML error page with status 502, once",
    outcome: "retried; the page arrives",
    call: "list",
    faults: () => [once("html", { status: 502 })],
    expected: { kind: "ok", requests: 2 },
    withinMs: SLACK,
  },
  {
    fault: "HTML error page with status 502, every attempt",
    outcome: "`Vbm365ApiError` status 502 (`GET /v6/RestoreSessions failed with HTTP 502`), the page's text as `body`",
    call: "list",
    faults: () => [always("html", { status: 502 })],
    expected: { kind: "apiError", status: 502, requests: ALL_ATTEMPTS },
    withinMs: SLACK,
  },
  {
    fault: "401 in the middle of a walk (token expired), username/password login",
    outcome: "renews the token (refresh grant) and repeats the page once; the walk yields every id exactly once",
    call: "walk",
    auth: "credentials",
    faults: () => [{ kind: "unauthorized", match: { path: MID_WALK_PAGE } }],
    // login, every page and the closing empty one, the refresh, and the page again
    expected: { kind: "ok", requests: 1 + SESSIONS / PAGE_SIZE + 1 + 2 },
    withinMs: SLACK * 2,
  },
  {
    fault: "401 in the middle of a walk, fixed token (`auth: { token }`)",
    outcome: "nothing to renew with: the walk stops with `Vbm365ApiError` status 401 (never a silent short list)",
    call: "walk",
    auth: "token",
    faults: () => [{ kind: "unauthorized", match: { path: MID_WALK_PAGE } }],
    expected: { kind: "apiError", status: 401, requests: 4 },
    withinMs: SLACK * 2,
  },
  {
    fault: "A page that fails once (503) in the middle of a walk",
    outcome: "the page is retried; the walk yields every id exactly once",
    call: "walk",
    faults: () => [{ kind: "status", status: 503, match: { path: MID_WALK_PAGE } }],
    expected: { kind: "ok", requests: SESSIONS / PAGE_SIZE + 1 + 1 },
    withinMs: SLACK * 2,
  },
  {
    fault: "A page cut off (reset mid-body) once in the middle of a walk",
    outcome: "the page is retried; the walk yields every id exactly once",
    call: "walk",
    faults: () => [{ kind: "resetMidBody", match: { path: MID_WALK_PAGE } }],
    expected: { kind: "ok", requests: SESSIONS / PAGE_SIZE + 1 + 1 },
    withinMs: SLACK * 2,
  },
  {
    fault: "A page that fails with 500 in the middle of a walk",
    outcome: "the walk stops with `Vbm365ApiError` status 500 after the pages before it, none twice (never a silent short list)",
    call: "walk",
    faults: () => [{ kind: "status", status: 500, match: { path: MID_WALK_PAGE } }],
    expected: { kind: "apiError", status: 500, requests: 4 },
    withinMs: SLACK * 2,
  },
  {
    fault: "HTTP 307 on the token endpoint (a redirect)",
    outcome:
      "never followed nor retried: `Vbm365ApiError` status 307 naming the target host; the credentials go nowhere else (a 307/308 with a `Location` elsewhere reaches it 0 times, packages/client/test/redirects.test.ts)",
    call: "login",
    faults: () => [{ kind: "status", status: 307, match: TOKEN_CALL }],
    expected: { kind: "apiError", status: 307, requests: 1 },
    withinMs: SLACK,
  },
  {
    fault: "HTTP 302 on a data call (a redirect)",
    outcome: "never followed nor retried: `Vbm365ApiError` status 302; no other host's answer is taken for data",
    call: "list",
    faults: () => [once("status", { status: 302 })],
    expected: { kind: "apiError", status: 302, requests: 1 },
    withinMs: SLACK,
  },
];
