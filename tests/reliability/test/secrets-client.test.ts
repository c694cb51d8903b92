// The token, the refresh token and the password never show in anything the client lets a
// caller see: error messages, toString(), JSON, util.inspect, stacks, the `cause` chain,
// or console output, whether the call fails at login, on a 401, on the network or at a deadline.
import { createVbm365Client, type Vbm365ClientOptions } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FAST } from "./support/clients.js";
import { startRecordingProxy, type RecordingProxy } from "./support/recording-proxy.js";
import { SECRET_PASSWORD, SECRET_TOKEN, SecretProbe } from "./support/secrets.js";

let server: TestServer;
let proxy: RecordingProxy;
const WRONG_PASSWORD = "Pw-wrong-UNIQUE-9a8b7c6d";
const probe = new SecretProbe(() => [SECRET_PASSWORD, WRONG_PASSWORD, SECRET_TOKEN, server.token, ...proxy.tokens]);
const consoleLines: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ sessions: 60, password: SECRET_PASSWORD, username: "probe-admin" });
  proxy = await startRecordingProxy(server.url);
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(" ")));
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  probe.check("console output of every client call", consoleLines.join("\n"));
  await proxy.close();
  await server.close();
});
afterEach(() => {
  server.faults.clear();
  proxy.echo = false;
});

function client(auth: Vbm365ClientOptions["auth"], extra: Partial<Vbm365ClientOptions> = {}) {
  return createVbm365Client({ baseUrl: proxy.url, auth, ...FAST, ...extra });
}
const login = () => client({ username: "probe-admin", password: SECRET_PASSWORD });

/** A token of its own for a test (a 401 fault expires the token it sees), remembered as a secret. */
async function freshToken(): Promise<string> {
  const form = new URLSearchParams({ grant_type: "password", username: "probe-admin", password: SECRET_PASSWORD });
  const answer = await fetch(`${proxy.url}/v6/Token`, { method: "POST", body: form });
  return ((await answer.json()) as { access_token: string }).access_token;
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function walk(vbm: ReturnType<typeof client>) {
  for await (const _ of vbm.restoreSessions.iterate({ pageSize: 10 })) void _;
}

describe("client errors carry no secret", () => {
  it("a login refused (wrong password)", async () => {
    const error = await failure(() => client({ username: "probe-admin", password: WRONG_PASSWORD }).restoreSessions.list());
    expect((error as { status?: number }).status).toBe(401);
    probe.checkError("wrong password", error);
  });

  it("a server that echoes the login form and the bearer header into its error messages", async () => {
    proxy.echo = true;
    probe.checkError("echoed login form", await failure(() => login().restoreSessions.list()));
    probe.checkError("echoed bearer header", await failure(() => client({ token: SECRET_TOKEN }).restoreSessions.list()));
  });

  it("a 401 in the middle of a walk with a fixed token, and with a login", async () => {
    server.faults.inject({ kind: "unauthorized", match: { path: /offset=20/ } });
    const token = await freshToken();
    probe.checkError("401 mid-walk, fixed token", await failure(() => walk(client({ token }))));
    expect(server.faults.list()).toEqual([]);
    // With a login the walk survives the 401 (renewal) and the renewed tokens are secrets too.
    server.faults.inject({ kind: "unauthorized", match: { path: /offset=20/ } });
    await walk(login());
    expect(proxy.tokens.size).toBeGreaterThanOrEqual(4);
  });

  it("a refresh that fails, then a login that fails", async () => {
    const vbm = login();
    await vbm.restoreSessions.list();
    server.expireTokens();
    server.faults.inject({ kind: "status", status: 500, match: { path: "/v6/Token" }, times: Infinity });
    probe.checkError("refresh and login both failing", await failure(() => vbm.restoreSessions.list()));
  });

  it("network errors: connection refused, reset, and a cut body", async () => {
    probe.checkError(
      "refused",
      await failure(() =>
        createVbm365Client({ baseUrl: "http://127.0.0.1:9", auth: { token: SECRET_TOKEN }, ...FAST }).restoreSessions.list(),
      ),
    );
    server.faults.inject({ kind: "resetBeforeHeaders", times: Infinity, match: { path: "/v6/Token" } });
    probe.checkError("reset at login", await failure(() => login().restoreSessions.list()));
    server.faults.clear();
    const token = await freshToken();
    server.faults.inject({ kind: "resetMidBody", times: Infinity });
    probe.checkError("reset mid-body", await failure(() => client({ token }).restoreSessions.list()));
  });

  it("timeouts of the login and of a data call", async () => {
    server.faults.inject({ kind: "delayHeaders", delayMs: 3000, times: Infinity, match: { path: "/v6/Token" } });
    probe.checkError("login timeout", await failure(() => login().restoreSessions.list()));
    server.faults.clear();
    const token = await freshToken();
    server.faults.inject({ kind: "delayHeaders", delayMs: 3000, times: Infinity });
    probe.checkError("data timeout", await failure(() => client({ token }).restoreSessions.list()));
  });

  it("bad input errors quote the input, never the credentials", async () => {
    const vbm = login();
    probe.checkError("bad id", await failure(() => vbm.restoreSessions.get("not-a-uuid")));
    probe.checkError("bad limit", await failure(() => vbm.restoreSessions.list({ limit: 0 })));
  });

  it("the probe itself finds a secret hidden in a cause's non-enumerable field", () => {
    const hidden = new Error("outer", {
      cause: Object.defineProperty(new Error("inner"), "request", { value: { authorization: `Bearer ${SECRET_TOKEN}` } }),
    });
    expect(() => new SecretProbe(() => [SECRET_TOKEN]).checkError("planted", hidden)).toThrow(/contains the secret/);
  });

  it(`counts its probes`, () => {
    expect(probe.probes).toBeGreaterThanOrEqual(100);
    process.stdout.write(`client secret probes: ${probe.probes}\n`);
  });
});
