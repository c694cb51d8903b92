// Who may use the dashboard: the Host allowlist (DNS rebinding),
// the same-origin rule on every API call (blind cross-site GETs), and the access token
// required once it listens beyond loopback.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { ConfigError, startDashboardServer, type DashboardServer } from "../src/server/index.js";
import { raw } from "./support/http.js";

const page = { "x-dashboard-request": "1" };
const accessToken = "0123456789abcdef0123456789abcdef-access";
let vbm: TestServer;
let dashboard: DashboardServer;
let guarded: DashboardServer; // with an access token and an extra allowed name

beforeAll(async () => {
  vbm = await startTestServer({ sessions: 50, seed: 3 });
  const target = { url: vbm.url, auth: { token: vbm.token } };
  dashboard = await startDashboardServer({ target, log: () => undefined });
  guarded = await startDashboardServer({
    target,
    accessToken,
    allowedHosts: ["dash.example.com", "other.example:8443"],
    log: () => undefined,
  });
});
afterAll(async () => {
  await Promise.all([dashboard?.close(), guarded?.close()]);
  await vbm?.close();
});

/** Writes the request by hand: node:http would not send two Host headers. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("utf8")));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("Host allowlist", () => {
  it("answers the loopback names and refuses any other, on the page and the API", async () => {
    for (const host of [`127.0.0.1:${dashboard.port}`, `localhost:${dashboard.port}`, `[::1]:${dashboard.port}`]) {
      expect((await raw(dashboard.url, { path: "/", headers: { host } })).status, host).toBe(200);
    }
    for (const host of ["rebound.example", `rebound.example:${dashboard.port}`, `localhost:${dashboard.port + 1}`, "127.0.0.1"]) {
      const refused = await raw(dashboard.url, { path: "/api/config", headers: { ...page, host } });
      expect(refused.status, host).toBe(421);
      expect(JSON.parse(refused.body).error, host).toMatch(/answers only on its own address; add the name to DASHBOARD_ALLOWED_HOSTS/);
    }
  });

  it("refuses a request with two Host headers, even when the first is allowed", async () => {
    const answer = await rawRequest(
      dashboard.port,
      `GET /api/config HTTP/1.1\r\nHost: 127.0.0.1:${dashboard.port}\r\nHost: rebound.example\r\nX-Dashboard-Request: 1`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain("exactly one Host header");
    const single = await rawRequest(
      dashboard.port,
      `GET /api/config HTTP/1.1\r\nHost: 127.0.0.1:${dashboard.port}\r\nX-Dashboard-Request: 1`,
    );
    expect(single).toMatch(/^HTTP\/1\.1 200 /);
  });

  it("answers the names of DASHBOARD_ALLOWED_HOSTS: without a port on any port, with one on that port only", async () => {
    const status = async (host: string) => (await raw(guarded.url, { path: "/", headers: { host } })).status;
    expect(await status("dash.example.com")).toBe(200);
    expect(await status("DASH.example.com:443")).toBe(200);
    expect(await status("other.example:8443")).toBe(200);
    expect(await status("other.example")).toBe(421);
    expect(await status("evil.dash.example.com")).toBe(421);
  });
});

describe("API calls come from the dashboard's page", () => {
  it("refuses a GET without the page's header, and a cross-site one with it, before any call to VBM365", async () => {
    vbm.requestLog.length = 0;
    const path = "/api/sessions";
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /x-dashboard-request header is missing/],
      [{ "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" }, /x-dashboard-request header is missing/],
      [{ ...page, "sec-fetch-site": "cross-site" }, /must come from the dashboard's page/],
      [{ ...page, "sec-fetch-site": "same-site" }, /must come from the dashboard's page/],
      [{ ...page, origin: "http://evil.example" }, /must come from the dashboard's page/],
      [{ ...page, origin: `http://localhost:${dashboard.port}` }, /must come from the dashboard's page/],
    ];
    for (const [headers, message] of cases) {
      const refused = await raw(dashboard.url, { path, headers });
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(refused.body).error, JSON.stringify(headers)).toMatch(message);
    }
    expect(vbm.requestLog).toEqual([]);
    const sameOrigin = { ...page, "sec-fetch-site": "same-origin", origin: `http://127.0.0.1:${dashboard.port}` };
    expect((await raw(dashboard.url, { path, headers: sameOrigin })).status).toBe(200);
    expect(vbm.requestLog.length).toBeGreaterThan(0);
  });

  it("serves the page itself to any navigation (it holds no data)", async () => {
    expect((await raw(dashboard.url, { path: "/", headers: { "sec-fetch-site": "cross-site" } })).status).toBe(200);
  });
});

describe("access token", () => {
  it("refuses to listen beyond loopback without one", async () => {
    const target = { url: vbm.url, auth: { token: vbm.token } };
    await expect(startDashboardServer({ target, host: "0.0.0.0" })).rejects.toThrow(ConfigError);
    await expect(startDashboardServer({ target, host: "0.0.0.0" })).rejects.toThrow(/beyond loopback: set DASHBOARD_ACCESS_TOKEN/);
    await expect(startDashboardServer({ target, host: "0.0.0.0", accessToken: "too-short" })).rejects.toThrow(
      /at least 32 printable characters/,
    );
  });

  it("is required on every API call when set, and never reaches the log", async () => {
    vbm.requestLog.length = 0;
    const missing = await raw(guarded.url, { path: "/api/sessions", headers: page });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toEqual({ accessToken: true, error: expect.stringMatching(/needs its access token/) });
    const wrong = await raw(guarded.url, { path: "/api/sessions", headers: { ...page, "x-dashboard-token": `${accessToken}x` } });
    expect(wrong.status).toBe(401);
    expect(vbm.requestLog).toEqual([]);
    const right = await raw(guarded.url, { path: "/api/sessions", headers: { ...page, "x-dashboard-token": accessToken } });
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body).inWindow).toBeGreaterThan(0);
    expect((await raw(guarded.url, { path: "/", headers: {} })).status).toBe(200);
  });

  it("in a URL, reaches no log line", async () => {
    const lines: string[] = [];
    const unreachable = await startDashboardServer({
      target: { url: "http://127.0.0.1:9", auth: { token: vbm.token } },
      accessToken,
      log: (line) => lines.push(line),
    });
    try {
      const headers = { ...page, "x-dashboard-token": accessToken };
      // A failing call is logged; the token sits in its query string and, encoded, in its path.
      expect((await raw(unreachable.url, { path: `/api/sessions?q=${accessToken}`, headers })).status).toBe(502);
      expect((await raw(unreachable.url, { path: `/api/sessions/${encodeURIComponent(accessToken)}x`, headers })).status).toBe(400);
      expect(lines.join("\n")).not.toContain(accessToken);
      expect(lines.join("\n")).toMatch(/GET \/api\/sessions -> 502/);
    } finally {
      await unreachable.close();
    }
  });
});

describe("the version and statistics routes have the same guards", () => {
  const statistics = () => `/api/sessions/${vbm.data.session(0).id}/statistics`;

  it("refuse a foreign Host, a call without the page's header, a cross-site call and a missing token, before any call to VBM365", async () => {
    vbm.requestLog.length = 0;
    for (const path of ["/api/version", statistics()]) {
      expect((await raw(dashboard.url, { path, headers: { ...page, host: "rebound.example" } })).status, path).toBe(421);
      expect((await raw(dashboard.url, { path, headers: {} })).status, path).toBe(403);
      expect((await raw(dashboard.url, { path, headers: { ...page, "sec-fetch-site": "cross-site" } })).status, path).toBe(403);
      const missing = await raw(guarded.url, { path, headers: page });
      expect(missing.status, path).toBe(401);
      expect(JSON.parse(missing.body).accessToken, path).toBe(true);
    }
    expect(vbm.requestLog).toEqual([]);
    for (const path of ["/api/version", statistics()]) {
      expect((await raw(guarded.url, { path, headers: { ...page, "x-dashboard-token": accessToken } })).status, path).toBe(200);
    }
  });

  it("refuse a malformed id, another method and any query parameter, naming what is wrong", async () => {
    vbm.requestLog.length = 0;
    const malformed = await raw(dashboard.url, { path: "/api/sessions/not-a-uuid/statistics", headers: page });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error).toBe("The session id is not a valid UUID.");
    const posted = await raw(dashboard.url, { method: "POST", path: statistics(), headers: page });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe("GET");
    const query = await raw(dashboard.url, { path: "/api/version?v=8", headers: page });
    expect(query.status).toBe(400);
    expect(JSON.parse(query.body).error).toMatch(/Unknown query parameter "v"/);
    expect(vbm.requestLog).toEqual([]);
  });
});
