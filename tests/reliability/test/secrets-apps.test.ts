// The audit CLI's output (--debug included) and everything the dashboard serves (page,
// scripts, styles, API answers, error answers, headers, its log) never hold the password,
// the access token or the refresh token, whether the call succeeds or fails.
import { startDashboardServer, type DashboardServer } from "@vbm365/dashboard";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit, type CliRun } from "./support/cli.js";
import { startRecordingProxy, type RecordingProxy } from "./support/recording-proxy.js";
import { SECRET_PASSWORD, SECRET_TOKEN, SecretProbe } from "./support/secrets.js";

const USER = "probe-admin";
const WRONG_PASSWORD = "Pw-wrong-UNIQUE-cli-5e6f7a";
let server: TestServer;
let proxy: RecordingProxy;
let sessionId: string;
const probe = new SecretProbe(() => [SECRET_PASSWORD, WRONG_PASSWORD, SECRET_TOKEN, server.token, ...proxy.tokens]);

beforeAll(async () => {
  server = await startTestServer({ sessions: 40, password: SECRET_PASSWORD, username: USER });
  proxy = await startRecordingProxy(server.url);
  sessionId = [...server.data.sessionIds()][0]!;
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

describe("the audit CLI prints no secret", () => {
  const login = (password = SECRET_PASSWORD) => ({ VBM365_URL: proxy.url, VBM365_USERNAME: USER, VBM365_PASSWORD: password });
  const checkRun = (label: string, run: CliRun) => {
    probe.check(`${label} stdout`, run.stdout);
    probe.check(`${label} stderr`, run.stderr);
  };

  it("succeeding runs, with --debug", async () => {
    const listed = await runAudit(["sessions", "--all", "--format", "json", "--debug"], login());
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(40);
    checkRun("sessions --all --debug", listed);
    const events = await runAudit(["events", sessionId, "--format", "ndjson", "--debug"], login());
    expect(events.code, events.stderr).toBe(0);
    checkRun("events --debug", events);
    expect(proxy.tokens.size, "the CLI logged in through the proxy").toBeGreaterThanOrEqual(4);
  });

  it("failing runs, with --debug: wrong password, refused token, unreachable server, a server that echoes credentials", async () => {
    const wrong = await runAudit(["sessions", "--all", "--debug"], login(WRONG_PASSWORD));
    expect(wrong.code).toBe(77);
    checkRun("wrong password", wrong);
    const refused = await runAudit(["check", "--since", "24h", "--debug"], { VBM365_URL: proxy.url, VBM365_TOKEN: SECRET_TOKEN });
    expect(refused.code).toBe(3);
    checkRun("check with a refused token", refused);
    const unreachable = await runAudit(["sessions", "--all", "--debug"], { VBM365_URL: "http://127.0.0.1:9", VBM365_TOKEN: SECRET_TOKEN });
    expect(unreachable.code).toBe(69);
    checkRun("unreachable", unreachable);
    proxy.echo = true;
    try {
      const echoedLogin = await runAudit(["sessions", "--all", "--debug"], login());
      expect(echoedLogin.code).not.toBe(0);
      checkRun("echoed login form", echoedLogin);
      const echoedToken = await runAudit(["stop", sessionId, "--yes", "--debug"], { VBM365_URL: proxy.url, VBM365_TOKEN: SECRET_TOKEN });
      expect(echoedToken.code).not.toBe(0);
      checkRun("echoed bearer on stop", echoedToken);
    } finally {
      proxy.echo = false;
    }
  });
});

describe("the dashboard serves no secret", () => {
  let dashboard: DashboardServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    dashboard = await startDashboardServer({
      target: { url: proxy.url, auth: { username: USER, password: SECRET_PASSWORD } },
      allowStop: true,
      log: (line) => logLines.push(line),
    });
  });
  afterAll(() => dashboard.close());

  async function fetchAndCheck(path: string, init?: RequestInit): Promise<Response> {
    // The header the dashboard's page sends on every API call (without it the API answers 403).
    const response = await fetch(new URL(path, dashboard.url), { ...init, headers: { "x-dashboard-request": "1", ...init?.headers } });
    const body = await response.clone().text();
    probe.check(`dashboard ${init?.method ?? "GET"} ${path} body`, body);
    probe.check(`dashboard ${init?.method ?? "GET"} ${path} headers`, JSON.stringify([...response.headers]));
    return response;
  }

  it("its page, scripts, styles and icon", async () => {
    const page = await (await fetchAndCheck("/")).text();
    const assets = [...page.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.some((path) => path.endsWith(".js"))).toBe(true);
    for (const asset of assets) expect((await fetchAndCheck(asset)).status).toBe(200);
  });

  it("its API answers, successful and failing", async () => {
    expect((await fetchAndCheck("/api/config")).status).toBe(200);
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - 90 * 24 * 3600_000).toISOString();
    const listed = await fetchAndCheck(`/api/sessions?from=${from}&to=${to}&limit=500`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { inWindow: number }).inWindow).toBeGreaterThan(0);
    expect((await fetchAndCheck(`/api/sessions/${sessionId}`)).status).toBe(200);
    expect((await fetchAndCheck("/api/sessions/not-a-uuid")).status).toBe(400);
    expect((await fetchAndCheck("/api/nothing-here")).status).toBe(404);
    expect(proxy.tokens.size).toBeGreaterThanOrEqual(2);

    // The server behind it starts echoing credentials into its errors; a token expires.
    server.expireTokens();
    proxy.echo = true;
    try {
      // An hour later than the first window: the dashboard rounds bounds (15 min here), so a
      // smaller shift would be answered from its cache.
      const failing = await fetchAndCheck(`/api/sessions?from=${from}&to=${new Date(Date.now() + 3_600_000).toISOString()}`);
      expect(failing.status).toBe(502);
      expect((await fetchAndCheck(`/api/sessions/${sessionId}`)).status).toBe(502);
      const stop = await fetchAndCheck(`/api/sessions/${sessionId}/stop`, { method: "POST", headers: { "x-dashboard-request": "1" } });
      expect(stop.status).toBe(502);
    } finally {
      proxy.echo = false;
    }
    probe.check("dashboard log", logLines.join("\n"));
  });

  it("a dashboard with a refused token", async () => {
    const withToken = await startDashboardServer({
      target: { url: proxy.url, auth: { token: SECRET_TOKEN } },
      log: (line) => logLines.push(line),
    });
    try {
      const response = await fetch(new URL("/api/sessions", withToken.url), { headers: { "x-dashboard-request": "1" } });
      expect(response.status).toBe(502);
      probe.check("refused-token dashboard answer", await response.text());
      probe.check("dashboard log", logLines.join("\n"));
    } finally {
      await withToken.close();
    }
  });

  it("counts its probes", () => {
    expect(probe.probes).toBeGreaterThanOrEqual(30);
    process.stdout.write(`CLI and dashboard secret probes: ${probe.probes}\n`);
  });
});
