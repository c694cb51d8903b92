import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError, Vbm365NetworkError } from "../src/index.js";
import type { Tried } from "../src/attempt.js";
import { backoffMs, parseRetryAfter, retryDecision, withRetries, type RetryState } from "../src/retry.js";
import { BASE, SESSION_ID, fakeFetch, session } from "./helpers/fake-fetch.js";

/** Fails with the given answers first, then succeeds. */
type Failure = number | "network" | "stale" | "cutBody";

/** A body that breaks off after its first bytes, as undici reports a reset mid-body. */
function cutBody(): Response {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":'));
      controller.error(new TypeError("terminated", { cause: { code: "UND_ERR_SOCKET" } }));
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/json" } });
}

function flaky(failures: Failure[], ok: () => Response = () => Response.json(session(1))) {
  const queue = [...failures];
  return fakeFetch(() => {
    const next = queue.shift();
    if (next === undefined) return ok();
    if (next === "network") throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    // A kept-alive connection the server had closed: undici fails before any answer.
    if (next === "stale") throw new TypeError("fetch failed", { cause: { code: "UND_ERR_SOCKET", message: "other side closed" } });
    if (next === "cutBody") return cutBody();
    return Response.json({ message: `status ${next}` }, { status: next, headers: next === 429 ? { "Retry-After": "0" } : {} });
  });
}

const fast = { minDelayMs: 1, maxDelayMs: 2 };

function okAnswer(status = 200, headers: Record<string, string> = {}) {
  return { status, headers: new Headers(headers), text: status === 200 ? "ok" : "" };
}

function staleError() {
  return new TypeError("fetch failed", { cause: { code: "UND_ERR_SOCKET", message: "other side closed" } });
}

describe("retries", () => {
  it.each([429, 502, 503, 504, "network"] as const)("a GET is repeated after %s", async (failure) => {
    const server = flaky([failure, failure]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: fast });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(server.requests).toHaveLength(3);
  });

  it.each([400, 401, 404, 500])("a GET is not repeated after %s", async (status) => {
    const server = flaky([status]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: fast });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it("gives up after `retries` further attempts with the last answer", async () => {
    const server = flaky([503, 503, 503, 503]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: { ...fast, retries: 2 } });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it("a network failure that outlasts the retries is a Vbm365NetworkError with the cause", async () => {
    const server = flaky(["network", "network"]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: { ...fast, retries: 1 } });
    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Vbm365NetworkError);
    expect((error as Error).message).toBe(`GET /v6/RestoreSessions/${SESSION_ID}: no answer (ECONNREFUSED)`);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it("a body cut off mid-way is read again, so a walk does not end on it", async () => {
    const server = flaky(["cutBody", "cutBody"]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: fast });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(server.requests).toHaveLength(3);
  });

  it("a body cut off on every attempt is a Vbm365NetworkError after the retries", async () => {
    const server = flaky(["cutBody", "cutBody", "cutBody"]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: { ...fast, retries: 1 } });
    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Vbm365NetworkError);
    expect(server.requests).toHaveLength(2);
  });

  it("a stale kept-alive connection is sent again at once, without using up a retry", async () => {
    const waits: number[] = [];
    const server = flaky(["stale"]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: { retries: 0 } });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(server.requests).toHaveLength(2);
    const tried: Tried[] = [{ error: staleError(), answered: false }, { answer: okAnswer() }];
    await withRetries(
      async () => tried.shift()!,
      { retries: 0 },
      undefined,
      async (ms) => void waits.push(ms),
    );
    expect(waits).toEqual([]);
  });

  it("only once per request: a second stale failure takes the normal retries", async () => {
    const server = flaky(["stale", "stale", "stale"]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: { ...fast, retries: 1 } });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toBeInstanceOf(Vbm365NetworkError);
    expect(server.requests).toHaveLength(3);
  });

  it("a 200 whose body is not JSON (a proxy's HTML page) is a typed error, not retried", async () => {
    for (const body of ["<html><body>Proxy login</body></html>", '{"offset":0,"lim']) {
      const server = fakeFetch(() => new Response(body, { headers: { "Content-Type": "text/html" } }));
      const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: fast });
      for (const call of [
        () => vbm.restoreSessions.get(SESSION_ID),
        () => vbm.restoreSessions.list(),
        () => vbm.restoreSessions.stop(SESSION_ID),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Vbm365ApiError);
        expect(error).toMatchObject({ status: 200 });
        expect((error as Error).message).toMatch(/^(GET|POST) \/v6\/RestoreSessions\S* failed with HTTP 200: the body is not JSON/);
        expect((error as Error).cause).toBeInstanceOf(SyntaxError);
      }
      expect(server.requests).toHaveLength(3);
    }
  });

  it("stop is never repeated, not even after a 503 or a network failure", async () => {
    for (const failure of [503, "network"] as const) {
      const server = flaky([failure], () => new Response(null));
      const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: fast });
      await expect(vbm.restoreSessions.stop(SESSION_ID)).rejects.toBeInstanceOf(failure === 503 ? Vbm365ApiError : Vbm365NetworkError);
      expect(server.requests).toHaveLength(1);
    }
  });

  it("the token request is repeated after a 429", async () => {
    let logins = 0;
    const server = fakeFetch((_, url) => {
      if (url.pathname.toLowerCase() !== "/v6/token") return Response.json(session(1));
      return ++logins === 1
        ? Response.json({ message: "Too many requests" }, { status: 429, headers: { "Retry-After": "0" } })
        : Response.json({ access_token: "a", expires_in: 3600 });
    });
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "p" }, fetch: server.fetch, retry: fast });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(logins).toBe(2);
  });

  it("retry: false sends each request once", async () => {
    const server = flaky([503]);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: false });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it("waits what Retry-After asks, else backs off exponentially, bounded", async () => {
    const waits: number[] = [];
    const answers: Tried[] = [
      { answer: okAnswer(429, { "Retry-After": "2" }) },
      { answer: okAnswer(503) },
      { answer: okAnswer(503) },
      { answer: okAnswer(503, { "Retry-After": "3600" }) },
      { answer: okAnswer(200) },
    ];
    const answer = await withRetries(
      async () => answers.shift()!,
      { retries: 4, minDelayMs: 100, maxDelayMs: 10_000 },
      undefined,
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(answer.status).toBe(200);
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThanOrEqual(100); // step 2: 100..200 ms with jitter
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(waits[2]).toBeGreaterThanOrEqual(200); // step 3: 200..400 ms
    expect(waits[2]).toBeLessThanOrEqual(400);
    expect(waits[3]).toBe(10_000); // an hour asked, capped at maxDelayMs
  });

  it("the caller's abort ends the wait between attempts", async () => {
    const controller = new AbortController();
    const pending = withRetries(
      async () => ({ answer: okAnswer(503) }),
      { retries: 5, minDelayMs: 60_000, maxDelayMs: 60_000 },
      controller.signal,
    );
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("user gave up"));
    await expect(pending).rejects.toThrow("user gave up");
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("5", now)).toBe(5000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("backoff never exceeds maxDelayMs", () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      expect(backoffMs(attempt, { minDelayMs: 500, maxDelayMs: 4000 })).toBeLessThanOrEqual(4000);
    }
  });
});

describe("retryDecision: one rule a branch", () => {
  const state = (changes: Partial<RetryState> = {}): RetryState => ({ attempt: 0, once: false, resent: false, aborted: false, ...changes });
  const options = { retries: 2, minDelayMs: 100, maxDelayMs: 1000 };
  const now = Date.parse("2026-01-01T00:00:00Z");

  it("the caller's abort, or a request not to be repeated, stops at once", () => {
    expect(retryDecision({ answer: okAnswer(503) }, state({ aborted: true }), options, now)).toEqual({ action: "stop" });
    expect(retryDecision({ error: staleError(), answered: false }, state({ once: true }), options, now)).toEqual({ action: "stop" });
  });

  it.each([200, 204, 400, 401, 404, 500])("status %s is final", (status) => {
    expect(retryDecision({ answer: okAnswer(status) }, state(), options, now)).toEqual({ action: "stop" });
  });

  it.each([429, 502, 503, 504])("status %s waits a backoff step, and stops on the last attempt", (status) => {
    const decision = retryDecision({ answer: okAnswer(status) }, state(), options, now);
    expect(decision).toMatchObject({ action: "wait" });
    expect((decision as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(50);
    expect((decision as { delayMs: number }).delayMs).toBeLessThanOrEqual(100);
    expect(retryDecision({ answer: okAnswer(status) }, state({ attempt: 2 }), options, now)).toEqual({ action: "stop" });
  });

  it("Retry-After is waited as given, capped at maxDelayMs", () => {
    expect(retryDecision({ answer: okAnswer(429, { "Retry-After": "0" }) }, state(), options, now)).toEqual({ action: "wait", delayMs: 0 });
    expect(retryDecision({ answer: okAnswer(503, { "Retry-After": "60" }) }, state(), options, now)).toEqual({
      action: "wait",
      delayMs: 1000,
    });
  });

  it("a stale kept-alive socket is resent at once, once, and only before any answer", () => {
    expect(retryDecision({ error: staleError(), answered: false }, state({ attempt: 2 }), options, now)).toEqual({ action: "resend" });
    expect(retryDecision({ error: staleError(), answered: false }, state({ attempt: 2, resent: true }), options, now)).toEqual({
      action: "stop",
    });
    expect(retryDecision({ error: staleError(), answered: true }, state(), options, now)).toMatchObject({ action: "wait" });
  });

  it("transient errors (network, deadline) wait; others stop", () => {
    const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    const timeout = new DOMException("30000 ms", "TimeoutError");
    expect(retryDecision({ error: refused, answered: false }, state(), options, now)).toMatchObject({ action: "wait" });
    expect(retryDecision({ error: timeout, answered: true }, state(), options, now)).toMatchObject({ action: "wait" });
    expect(retryDecision({ error: refused, answered: false }, state({ attempt: 2 }), options, now)).toEqual({ action: "stop" });
    const untrusted = new TypeError("fetch failed", { cause: { code: "SELF_SIGNED_CERT_IN_CHAIN" } });
    expect(retryDecision({ error: untrusted, answered: false }, state(), options, now)).toEqual({ action: "stop" });
    expect(
      retryDecision(
        { error: new Vbm365ApiError({ method: "GET", path: "/x", status: 302, body: undefined }), answered: true },
        state(),
        options,
        now,
      ),
    ).toEqual({ action: "stop" });
  });
});
