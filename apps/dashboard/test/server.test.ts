// The dashboard's server against a testkit VBM365 server: what it answers, what it refuses,
// and that no secret leaves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { startDashboardServer, type DashboardServer, type SessionDetailsResponse, type SessionsResponse } from "../src/server/index.js";
import { countBy, sessionsInWindow } from "./support/expected.js";
import { raw } from "./support/http.js";

let vbm: TestServer;
let dashboard: DashboardServer; // token auth, Stop off
let writable: DashboardServer; // user name and password, Stop on
const bodies: string[] = [];
const logLines: string[] = [];
const now = Date.now();
const from = new Date(now - 7 * 24 * 3600_000).toISOString();
const to = new Date(now + 3600_000).toISOString();

/** A request as the dashboard's page sends it: with its header on every API call. */
async function get(
  server: DashboardServer,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(new URL(path, server.url), { ...init, headers: { "x-dashboard-request": "1", ...init.headers } });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, headers: response.headers, body: text.startsWith("{") ? JSON.parse(text) : text };
}

function sessionsPath(params: Record<string, string>): string {
  return `/api/sessions?${new URLSearchParams({ from, to, ...params })}`;
}

beforeAll(async () => {
  vbm = await startTestServer({ sessions: 300, seed: 11 });
  dashboard = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, log: (line) => logLines.push(line) });
  writable = await startDashboardServer({
    target: { url: vbm.url, auth: vbm.credentials },
    allowStop: true,
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await Promise.all([dashboard?.close(), writable?.close()]);
  await vbm?.close();
});

describe("GET /api/sessions", () => {
  it("returns every session of the window, with counts that match the server's data", async () => {
    const expected = sessionsInWindow(vbm, new Date(from), new Date(to));
    expect(expected.length).toBeGreaterThan(100);
    const { status, body } = await get(dashboard, sessionsPath({ limit: "500" }));
    expect(status).toBe(200);
    const data = body as SessionsResponse;
    expect(data.inWindow).toBe(expected.length);
    expect(data.matched).toBe(expected.length);
    expect(data.counts.result).toEqual(countBy(expected, (session) => session.result));
    expect(data.counts.type).toEqual(countBy(expected, (session) => session.type));
    expect(new Set(data.rows.map((row) => row.id))).toEqual(new Set(expected.map((session) => session.id)));
    expect(data.timeline.buckets.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(expected.length);
    const starts = data.rows.map((row) => Date.parse(row.creationTime));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(data.rows.every((row) => !("_links" in row))).toBe(true);
  });

  it("pages without losing or repeating a row", async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 40) {
      const { body } = await get(dashboard, sessionsPath({ offset: String(offset), limit: "40", sort: "initiatedBy", dir: "asc" }));
      const data = body as SessionsResponse;
      seen.push(...data.rows.map((row) => row.id));
      if (data.rows.length < 40) break;
    }
    const expected = sessionsInWindow(vbm, new Date(from), new Date(to));
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen).size).toBe(expected.length);
  });

  it("filters by type, state, result, initiator and free text", async () => {
    const all = sessionsInWindow(vbm, new Date(from), new Date(to));
    const sample = all.find((session) => session.result !== "Success")!;
    const filters = { type: sample.type, result: sample.result, initiatedBy: sample.initiatedBy! };
    const expected = all.filter((s) => s.type === sample.type && s.result === sample.result && s.initiatedBy === sample.initiatedBy);
    const { body } = await get(dashboard, sessionsPath({ ...filters, limit: "500" }));
    const data = body as SessionsResponse;
    expect(data.matched).toBe(expected.length);
    expect(data.matched).toBeLessThan(all.length);
    expect(data.rows.map((row) => row.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(data.counts.result).toEqual({ [sample.result]: expected.length });

    const working = all.filter((s) => s.state === "Working");
    const byState = (await get(dashboard, sessionsPath({ state: "Working", limit: "500" }))).body as SessionsResponse;
    expect(byState.matched).toBe(working.length);

    const byText = (await get(dashboard, sessionsPath({ q: sample.id.slice(0, 13).toUpperCase() }))).body as SessionsResponse;
    expect(byText.rows.map((row) => row.id)).toContain(sample.id);
    expect(byText.matched).toBeLessThan(all.length);
  });

  it("sorts by the column asked for, both ways", async () => {
    const asc = (await get(dashboard, sessionsPath({ sort: "result", dir: "asc", limit: "500" }))).body as SessionsResponse;
    const results = asc.rows.map((row) => row.result.toLowerCase());
    expect(results).toEqual([...results].sort());
    const desc = (await get(dashboard, sessionsPath({ sort: "result", dir: "desc", limit: "500" }))).body as SessionsResponse;
    expect(desc.rows.map((row) => row.result.toLowerCase())).toEqual([...results].sort().reverse());
  });
});

describe("GET /api/sessions/{id}", () => {
  it("returns the session and its events as the server has them", async () => {
    const index = 5;
    // The dashboard asks for the newest version the testkit serves ("auto"): v8, with eTag.
    const session = vbm.data.session(index, "v8");
    const { status, body } = await get(dashboard, `/api/sessions/${session.id}`);
    expect(status).toBe(200);
    const data = body as SessionDetailsResponse;
    const { _links, ...withoutLinks } = session;
    expect(data.session).toEqual(withoutLinks);
    const events = vbm.data.events(index);
    expect(events.length).toBeGreaterThan(1);
    expect(data.events.map((event) => [event.id, event.itemName, event.itemType, event.itemSizeBytes, event.status])).toEqual(
      events.map((event) => [event.id, event.itemName, event.itemType, event.itemSizeBytes, event.status]),
    );
    expect(data.eventsTruncated).toBe(false);
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const unknown = await get(dashboard, "/api/sessions/00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/No restore session/);
    const malformed = await get(dashboard, "/api/sessions/not-a-uuid");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/not a valid UUID/);
  });
});

describe("POST /api/sessions/{id}/stop", () => {
  const write = { method: "POST", headers: { "x-dashboard-request": "1" } };
  const runningId = () => {
    for (let index = 0; index < 300; index++) if (vbm.data.session(index).state === "Working") return vbm.data.session(index).id;
    throw new Error("The testkit data has no running session");
  };

  it("is refused unless the server allows writes", async () => {
    const config = await get(dashboard, "/api/config");
    expect(config.body).toEqual({ allowStop: false });
    const refused = await get(dashboard, `/api/sessions/${runningId()}/stop`, write);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/DASHBOARD_ALLOW_STOP=1/);
    expect((await get(dashboard, `/api/sessions/${runningId()}`)).body.session.state).toBe("Working");
  });

  it("needs the page's header and its own origin", async () => {
    const id = runningId();
    const withoutHeader = await raw(writable.url, { method: "POST", path: `/api/sessions/${id}/stop` });
    expect(withoutHeader.status).toBe(403);
    expect(JSON.parse(withoutHeader.body).error).toMatch(/x-dashboard-request header is missing/);
    const crossSite = await raw(writable.url, {
      method: "POST",
      path: `/api/sessions/${id}/stop`,
      headers: { "x-dashboard-request": "1", origin: "http://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect((await get(writable, `/api/sessions/${id}`)).body.session.state).toBe("Working");
  });

  it("stops a running session when allowed, and the next read shows it stopped", async () => {
    const id = runningId();
    const before = (await get(writable, sessionsPath({ state: "Working", limit: "500" }))).body as SessionsResponse;
    const stopped = await get(writable, `/api/sessions/${id}/stop`, write);
    expect(stopped.status).toBe(200);
    expect((await get(writable, `/api/sessions/${id}`)).body.session.state).toBe("Stopped");
    const after = (await get(writable, sessionsPath({ state: "Working", limit: "500" }))).body as SessionsResponse;
    expect(after.matched).toBe(before.matched - 1);
  });
});

describe("what the server refuses", () => {
  const page = { "x-dashboard-request": "1" };
  it("answers 404 for unknown routes and never passes a path on to VBM365", async () => {
    vbm.stats.reset();
    for (const path of [
      "/api/nope",
      "/api/sessions/x/y",
      "/v6/RestoreSessions",
      "/api/v6/RestoreSessions",
      "/api/sessions/%2e%2e/%2e%2e/v6/Token",
      "/../package.json",
      "/src/server/index.ts",
    ]) {
      const response = await raw(dashboard.url, { path, headers: page });
      expect(response.status, path).toBe(404);
    }
    expect(vbm.stats.requests).toBe(0);
  });

  it("answers 405 with Allow for methods a route does not take", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/api/sessions", "GET"],
      ["POST", "/api/sessions", "GET"],
      ["PUT", "/", "GET, HEAD"],
      ["GET", "/api/sessions/00000000-0000-4000-8000-000000000000/stop", "POST"],
      ["PATCH", "/api/config", "GET"],
    ];
    for (const [method, path, allow] of cases) {
      const response = await raw(dashboard.url, { method, path, headers: page });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
    }
  });

  it("caps query values, URL length, page size and request bodies", async () => {
    const refused: [string, RegExp][] = [
      [sessionsPath({ q: "x".repeat(201) }), /longer than 200/],
      [sessionsPath({ limit: "501" }), /"limit" must be a whole number from 1 to 500/],
      [sessionsPath({ offset: "-1" }), /"offset"/],
      [sessionsPath({ bogus: "1" }), /Unknown query parameter "bogus"/],
      [`${sessionsPath({})}&type=Vex&type=Vet`, /given twice/],
      [sessionsPath({ type: "Vex<script>" }), /"type" must be a single word/],
      [sessionsPath({ sort: "password" }), /"sort" must be one of/],
      [`/api/sessions?from=yesterday&to=${encodeURIComponent(to)}`, /"from" must be an ISO 8601/],
      [`/api/sessions?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, /longer than 400 days/],
      [`/api/sessions?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, /earlier than/],
    ];
    for (const [path, message] of refused) {
      const { status, body } = await get(dashboard, path);
      expect(status, path).toBe(400);
      expect(body.error, path).toMatch(message);
    }
    expect((await raw(dashboard.url, { path: `/api/sessions?q=${"a".repeat(2100)}` })).status).toBe(414);
    const big = await raw(dashboard.url, {
      method: "POST",
      path: "/api/sessions/00000000-0000-4000-8000-000000000000/stop",
      headers: page,
      body: "x".repeat(5000),
    });
    expect(big.status).toBe(413);
    // Without a length up front, the server counts the bytes as they come.
    const chunked = await raw(dashboard.url, {
      method: "POST",
      path: "/api/sessions/00000000-0000-4000-8000-000000000000/stop",
      headers: { ...page, "transfer-encoding": "chunked" },
      body: "x".repeat(5000),
    });
    expect(chunked.status).toBe(413);
  });

  it("answers only to its own Host name while bound to loopback", async () => {
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await raw(dashboard.url, { path: "/", headers: { host: "rebound.example:80" } })).status).toBe(421);
    expect((await raw(dashboard.url, { path: "/", headers: { host: `localhost:${dashboard.port}` } })).status).toBe(200);
  });
});

describe("headers and secrets", () => {
  it("sends the security headers on pages, API answers and errors", async () => {
    for (const path of ["/", "/api/config", "/api/nope", "/favicon.svg"]) {
      const { headers } = await get(dashboard, path);
      const csp = headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("serves a page with no inline script", async () => {
    const { body } = await get(dashboard, "/");
    expect(body).toContain('<script type="module"');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("maps a refused login to a safe message and leaks no secret in answers or logs", async () => {
    const wrong = { username: vbm.credentials.username, password: "wrong-password-7f3a" };
    const broken = await startDashboardServer({ target: { url: vbm.url, auth: wrong }, log: (line) => logLines.push(line) });
    try {
      const { status, body } = await get(broken, sessionsPath({}));
      expect(status).toBe(502);
      expect(body.error).toMatch(/refused the dashboard's credentials/);
      expect(JSON.stringify(body)).not.toContain("wrong-password-7f3a");
    } finally {
      await broken.close();
    }
    const unreachable = await startDashboardServer({
      target: { url: "http://127.0.0.1:9", auth: { token: vbm.token } },
      log: (line) => logLines.push(line),
    });
    try {
      const { status, body } = await get(unreachable, sessionsPath({}));
      expect(status).toBe(502);
      expect(body.error).toMatch(/Could not reach the VBM365 server/);
    } finally {
      await unreachable.close();
    }
    const everything = [...bodies, ...logLines].join("\n");
    expect(bodies.length).toBeGreaterThan(20);
    for (const secret of [vbm.token, vbm.credentials.password, "wrong-password-7f3a"]) expect(everything).not.toContain(secret);
  });
});
