// A security review's findings (a hostile upstream server, hostile pages, hostile data)
// and where each finding is proven. Each row names a test file and the title of a test
// in it; readme.test.ts renders the rows into the README and fails when a named test is gone,
// so the table cannot claim a proof that no longer exists.
export interface HostileFinding {
  /** What the review broke. */
  finding: string;
  /** What the product does now. */
  defence: string;
  /** Test files, from the repository root, each with a text its test titles contain. */
  proofs: Array<{ file: string; title: string }>;
}

export const HOSTILE_FINDINGS: HostileFinding[] = [
  {
    finding:
      "A 307/308 on the token POST re-posted the credentials to the `Location` host (even HTTPS to HTTP); a 302 on a data call took another host's answer as data",
    defence:
      "No request follows a redirect, on any path (global fetch, the `ca` transport, the token request, the typed `api`): a 3xx is a `Vbm365ApiError` naming the status and the target host, redacted; 0 requests reach the target",
    proofs: [
      { file: "packages/client/test/redirects.test.ts", title: "on the token POST does not re-post the credentials anywhere" },
      { file: "packages/client/test/redirects.test.ts", title: "redirecting the login to plain HTTP gets no second request anywhere" },
    ],
  },
  {
    finding:
      "Deadlines lost once the wrapping `Request` was garbage-collected: a silent server held a call for 394 s instead of about 30 s an attempt",
    defence:
      "One `Request` per attempt built with the deadline signal and held until it settles, raced against the deadline; header and body waits bounded in the `ca` transport too; tested under `--expose-gc` with forced collection",
    proofs: [{ file: "packages/client/test/deadline-gc.test.ts", title: "fails the call at its deadline" }],
  },
  {
    finding: "A server echoing the offset with the same ids made `iterate`/`events` request forever (12,287 requests in 150 s)",
    defence:
      "A full page without a new id ends the walk with `Vbm365WalkError`; `maxPages` and `maxDurationMs` bound every walk and the error names the bound hit; the CLI exits 69 (UNKNOWN for `check`)",
    proofs: [
      { file: "packages/client/test/walk-bounds.test.ts", title: "a full page with no new id ends the walk" },
      { file: "packages/client/test/walk-bounds.test.ts", title: "maxPages bounds a walk" },
      { file: "apps/audit/test/hostile.test.ts", title: "a server that repeats the same full page" },
    ],
  },
  {
    finding:
      "Any web page could fire blind cross-site GETs at the dashboard's `/api/*` (300 caused over 6,000 upstream requests); walks outlived their tab; 100 large windows exhausted the heap",
    defence:
      "API calls need the page's `X-Dashboard-Request` header and a same-origin `Sec-Fetch-Site`/`Origin` (300 cross-site GETs: 0 upstream requests); a load nobody waits for is aborted; at most 4 loads at once (429 beyond); window bounds rounded so the cache hits; one window holds at most 50,000 sessions or 48 MB, with a narrower window offered",
    proofs: [
      { file: "tests/reliability/test/dashboard-amplifier.test.ts", title: "cross-site GETs cause no upstream request" },
      { file: "apps/dashboard/test/windows.test.ts", title: "is aborted when its only request closes" },
      { file: "apps/dashboard/test/windows.test.ts", title: "beyond maxLoads are answered 429" },
      { file: "apps/dashboard/test/windows.test.ts", title: "a window over the cap is refused with a narrower one to try" },
    ],
  },
  {
    finding: "CSV formula injection: 45 of 81 report rows started a cell with `=`, `+`, `-`, `@`, tab or CR",
    defence: "Such cells get a leading `'` (OWASP); `--csv-raw` writes them as sent for machine consumers",
    proofs: [{ file: "apps/audit/test/hostile.test.ts", title: "each dangerous cell is neutralised" }],
  },
  {
    finding: "DNS rebinding: bound beyond loopback the dashboard had no Host check and no login",
    defence:
      "Host always checked against loopback names, the bound address and `DASHBOARD_ALLOWED_HOSTS` (two Host headers refused); binding beyond loopback needs `DASHBOARD_ACCESS_TOKEN`, sent by the page in a header",
    proofs: [
      { file: "apps/dashboard/test/guard.test.ts", title: "answers the loopback names and refuses any other" },
      { file: "apps/dashboard/test/guard.test.ts", title: "refuses to listen beyond loopback without one" },
    ],
  },
  {
    finding: "Terminal escapes and bidi overrides from server data reached the terminal raw",
    defence: "C0/C1 controls and bidi overrides are stripped from table cells and from server messages printed to a terminal",
    proofs: [
      { file: "apps/audit/test/hostile.test.ts", title: "in table cells, keeping the visible text" },
      { file: "apps/audit/test/hostile.test.ts", title: "in a server's error message, on stderr and in check's status line" },
    ],
  },
  {
    finding: '`check` printed OK and the dashboard an empty table for a garbage page (`{"results":"nope"}`)',
    defence:
      "Page shapes are validated: the client ends the walk with a clear error, `check` answers UNKNOWN, the dashboard shows an error",
    proofs: [
      { file: "packages/client/test/walk-bounds.test.ts", title: "a page of the wrong shape" },
      { file: "apps/audit/test/hostile.test.ts", title: "an answer that is not a session list" },
      { file: "apps/dashboard/test/answers.test.ts", title: "a page from VBM365 that is not a page of sessions" },
    ],
  },
  {
    finding:
      "Secrets in encoded form: an echoed form body put the URL-encoded password into `error.message`; a base64 bearer reached CLI output and the dashboard log; a token answer without `access_token` sent `Bearer undefined`",
    defence:
      "Raw, URL-encoded, form-encoded and base64 forms of every secret are redacted in the client, the CLI and the dashboard log; a token answer without `access_token` fails the login",
    proofs: [
      { file: "packages/client/test/secrets.test.ts", title: "no secret in any error, in encoded form either" },
      { file: "packages/client/test/secrets.test.ts", title: "a token answer without access_token" },
      { file: "apps/audit/test/hostile.test.ts", title: "secrets echoed back in encoded forms never reach the output" },
      { file: "apps/dashboard/test/answers.test.ts", title: "are masked raw, URL-encoded, form-encoded and in base64 at every alignment" },
    ],
  },
  {
    finding: "Bodies without bound: a 700 MB answer took 800 MB of RSS and ended in a string-length crash",
    defence: "`maxBodyBytes` (default 64 MiB): `Content-Length` checked before reading, bytes counted as they stream, a clear error",
    proofs: [
      { file: "packages/client/test/body-cap.test.ts", title: "refuses an announced Content-Length over maxBodyBytes" },
      { file: "packages/client/test/body-cap.test.ts", title: "stops reading a chunked body as soon as it passes maxBodyBytes" },
    ],
  },
  {
    finding:
      'Odds: `from=2026-02-30` moved to March; duplicate Host accepted; `--since 99999999999999999999d` exited 70; absurd `--max-running`; `.partial` survived SIGHUP; `result: "constructor"` counted as `function Object()`; no slow-connection limits',
    defence:
      "Impossible dates refused; two Host headers refused; `--since` beyond 36500d is a usage error (64); `--max-running` within 1m..365d; `.partial` removed on SIGHUP; counts in a `Map`; header, request and connection limits on the dashboard",
    proofs: [
      { file: "apps/dashboard/test/answers.test.ts", title: "impossible dates" },
      { file: "apps/dashboard/test/guard.test.ts", title: "refuses a request with two Host headers" },
      { file: "apps/audit/test/errors.test.ts", title: "a duration past any date" },
      { file: "apps/audit/test/errors.test.ts", title: "SIGHUP" },
      { file: "apps/dashboard/test/answers.test.ts", title: 'count "constructor", "__proto__" and "toString" like any other value' },
      { file: "apps/dashboard/test/connections.test.ts", title: "a client that never finishes its headers is cut off" },
    ],
  },
];
