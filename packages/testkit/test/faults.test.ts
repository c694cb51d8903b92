import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { call, NOW, tokenForm, walk } from "./helpers.js";
import { rawGet } from "./raw.js";

describe("faults", () => {
  let server: TestServer;
  const list = "/v6/RestoreSessions?limit=5";
  beforeAll(async () => {
    server = await startTestServer({ sessions: 20, now: NOW });
  });
  afterEach(() => server.faults.clear());
  afterAll(() => server.close());

  it("a clean exchange ends cleanly with the whole body (the baseline the others differ from)", async () => {
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.status).toBe(200);
    expect(raw.ending).toBe("end");
    expect(raw.body.length).toBe(Number(raw.headers["content-length"]));
    expect(JSON.parse(raw.body.toString()).results).toHaveLength(5);
  });

  it.each([
    [500, "An error has occurred."],
    [502, "Bad gateway."],
    [503, "The service is unavailable."],
    [504, "The gateway timed out."],
    [403, "Injected fault: HTTP 403."],
  ])("status %i answers with that status and a {message} body, once", async (status, message) => {
    const fault = server.faults.inject({ kind: "status", status });
    const answer = await call(server, list);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.body).toEqual({ message });
    expect(fault.fired).toBe(1);
    expect(fault.active).toBe(false);
    expect((await call(server, list)).status).toBe(200);
  });

  it("retryAfter answers 429 with Retry-After in seconds or as an HTTP date", async () => {
    server.faults.inject({ kind: "retryAfter", retryAfter: "2" });
    const seconds = await call(server, list);
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get("retry-after")).toBe("2");
    expect(seconds.body).toEqual({ message: "Too many requests. Try again later." });
    const date = new Date(Date.now() + 3000).toUTCString();
    server.faults.inject({ kind: "retryAfter", retryAfter: date });
    expect((await call(server, list)).headers.get("retry-after")).toBe(date);
    server.faults.inject({ kind: "retryAfter" });
    expect((await call(server, list)).headers.get("retry-after")).toBe("1");
  });

  it("resetBeforeHeaders resets the connection before any byte, once", async () => {
    const fault = server.faults.inject({ kind: "resetBeforeHeaders" });
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.ending).toBe("reset");
    expect(raw.status).toBeUndefined();
    expect(raw.body.length).toBe(0);
    expect(fault.fired).toBe(1);
    // The next request is answered in full: the fault fired once and the server lives on.
    const after = await rawGet(server.url, list, server.token);
    expect(after.status).toBe(200);
    expect(after.ending).toBe("end");
    expect(JSON.parse(after.body.toString()).results).toHaveLength(5);
  });

  it("resetMidBody sends the headers and part of the body, then resets", async () => {
    const whole = (await rawGet(server.url, list, server.token)).body;
    server.faults.inject({ kind: "resetMidBody" });
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.status).toBe(200);
    expect(raw.ending).toBe("reset");
    // The first half of the real page, under a Content-Length that promises all of it.
    expect(raw.body.toString()).toBe(whole.subarray(0, Math.floor(whole.length / 2)).toString());
    expect(Number(raw.headers["content-length"])).toBe(whole.length);
  });

  it("truncatedBody promises more bytes than it sends, then closes cleanly", async () => {
    const whole = (await rawGet(server.url, list, server.token)).body;
    server.faults.inject({ kind: "truncatedBody" });
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.status).toBe(200);
    expect(raw.ending).toBe("end");
    // The first half of the real page, under a Content-Length that promises all of it.
    expect(raw.body.toString()).toBe(whole.subarray(0, Math.floor(whole.length / 2)).toString());
    expect(Number(raw.headers["content-length"])).toBe(whole.length);
  });

  it("delayHeaders holds the headers back for delayMs, then answers normally", async () => {
    server.faults.inject({ kind: "delayHeaders", delayMs: 400 });
    await expect(
      fetch(server.url + list, { headers: { authorization: `Bearer ${server.token}` }, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow(/abort|timeout/i);
    server.faults.inject({ kind: "delayHeaders", delayMs: 150 });
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.firstByteMs).toBeGreaterThanOrEqual(140);
    expect(raw.status).toBe(200);
    expect(JSON.parse(raw.body.toString()).results).toHaveLength(5);
  });

  it("slowBody dribbles the body out in pieces over delayMs", async () => {
    // 10 pieces 60 ms apart: even a busy machine that merges a few still shows several.
    server.faults.inject({ kind: "slowBody", delayMs: 600 });
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.status).toBe(200);
    expect(raw.bodyChunkTimes.length).toBeGreaterThanOrEqual(3);
    expect(raw.bodyChunkTimes.at(-1)! - raw.bodyChunkTimes[0]!).toBeGreaterThanOrEqual(300);
    expect(JSON.parse(raw.body.toString()).results).toHaveLength(5);
  });

  it("malformedJson answers 200 application/json whose body does not parse", async () => {
    server.faults.inject({ kind: "malformedJson" });
    const raw = await rawGet(server.url, list, server.token);
    expect(raw.status).toBe(200);
    expect(raw.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(raw.body.length).toBe(Number(raw.headers["content-length"]));
    expect(() => JSON.parse(raw.body.toString())).toThrow(SyntaxError);
  });

  it.each([200, 502])("html answers an HTML page with status %i", async (status) => {
    server.faults.inject({ kind: "html", status });
    const answer = await call(server, list);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/^<!DOCTYPE html>/);
  });

  it("unauthorized answers 401 mid-walk and the token stays expired; a new login works", async () => {
    const own = await startTestServer({ sessions: 20, now: NOW });
    try {
      own.faults.inject({ kind: "unauthorized", match: { path: /offset=10/ } });
      await expect(walk(own, list)).rejects.toThrow(/offset=10&limit=5 answered 401/);
      expect((await call(own, list)).status).toBe(401);
      const { username, password } = own.credentials;
      const login = await call(own, "/v6/Token", tokenForm({ grant_type: "password", username, password }));
      expect((await call(own, list, { token: login.body.access_token })).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it("matches by method and path, lets `after` requests pass, fires `times` times", async () => {
    const fault = server.faults.inject({
      kind: "status",
      status: 503,
      match: { method: "get", path: "/V6/RESTORESESSIONS" },
      after: 2,
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(server, list)).status);
    expect(statuses).toEqual([200, 200, 503, 503, 200]);
    expect(fault.fired).toBe(2);
    expect(fault.passed).toBe(2);
    server.faults.inject({ kind: "status", match: { method: "POST" } });
    expect((await call(server, list)).status).toBe(200);
    server.faults.clear();
    const id = server.data.session(0).id;
    server.faults.inject({ kind: "status", match: { path: "/v6/RestoreSessions" } });
    expect((await call(server, `/v6/RestoreSessions/${id}`)).status).toBe(200);
  });

  it("a RegExp sees the query, so one page in the middle of a walk can fail once", async () => {
    server.faults.inject({ kind: "status", status: 500, match: { path: /[?&]offset=10(&|$)/ } });
    await expect(walk(server, list)).rejects.toThrow(/answered 500/);
    expect(await walk(server, list)).toEqual([...server.data.sessionIds()]);
  });

  it("times: Infinity keeps firing until cleared; faults reach the token endpoint too", async () => {
    server.faults.inject({ kind: "retryAfter", match: { path: "/v6/token" }, times: Infinity });
    const { username, password } = server.credentials;
    for (let i = 0; i < 3; i++) {
      expect((await call(server, "/v6/Token", tokenForm({ grant_type: "password", username, password }))).status).toBe(429);
    }
    expect(server.faults.list()).toHaveLength(1);
    server.faults.clear();
    expect((await call(server, "/v6/Token", tokenForm({ grant_type: "password", username, password }))).status).toBe(200);
  });

  it("refuses a fault it does not know, with the list of kinds", () => {
    expect(() => server.faults.inject({ kind: "explode" as never })).toThrow(/unknown fault kind "explode": use one of status, retryAfter/);
    expect(() => server.faults.inject({ kind: "status", times: 0 })).toThrow(/times/);
    expect(() => server.faults.inject({ kind: "status", status: 42 })).toThrow(/status/);
  });
});
