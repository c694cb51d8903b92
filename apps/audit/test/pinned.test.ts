// A pinned version (--api-version v8 or VBM365_API_VERSION=v8) against a server that does not
// serve it: a VBM365 6 server answers 404 on /v8/..., which every command must report as the
// version not being served (exit 64; `check` UNKNOWN), never as "no such restore session".
import { startTestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { tokenEnv, type TestServer } from "./testkit-server.js";

let v6only: TestServer;
let v8only: TestServer;
beforeAll(async () => {
  [v6only, v8only] = await Promise.all([
    startTestServer({ sessions: 40, seed: 7, versions: ["v6"] }),
    startTestServer({ sessions: 40, seed: 7, versions: ["v8"] }),
  ]);
});
afterAll(() => Promise.all([v6only?.close(), v8only?.close()]));

const notServed = (server: TestServer, pin: string, source: string, path: string, newest: string) =>
  `${server.url} does not serve REST API ${pin}, which ${source} pins (${path} answered HTTP 404; it serves ${newest} at most): use --api-version auto to speak the newest version it serves`;
const help = (command: string) => ` (see 'vbm365-audit ${command} --help')`;
const firstId = (server: TestServer) => [...server.data.sessionIds()][0]!;

describe("--api-version v8 on a v6-only server", () => {
  test.each(["sessions", "report"])("%s: the list path's 404 says v8 is not served (exit 64)", async (command) => {
    const result = await runCli([command, "--api-version", "v8", "--format", "ndjson"], { env: tokenEnv(v6only) });
    expect(result.code).toBe(64);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${notServed(v6only, "v8", "--api-version", "/v8/RestoreSessions", "v6")}${help(command)}`,
    ]);
  });

  test("VBM365_API_VERSION=v8 names the variable", async () => {
    const result = await runCli(["sessions", "--format", "ndjson"], { env: { ...tokenEnv(v6only), VBM365_API_VERSION: "v8" } });
    expect(result.code).toBe(64);
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${notServed(v6only, "v8", "VBM365_API_VERSION", "/v8/RestoreSessions", "v6")}${help("sessions")}`,
    ]);
  });

  test("check: UNKNOWN (exit 3) with the same reason on stdout", async () => {
    const result = await runCli(["check", "--api-version", "v8"], { env: tokenEnv(v6only) });
    expect(result.code).toBe(3);
    expect(lines(result.stdout)).toEqual([`RESTORES UNKNOWN - ${notServed(v6only, "v8", "--api-version", "/v8/RestoreSessions", "v6")}`]);
  });

  test("a password login: the token path's 404 says v8 is not served", async () => {
    const { username, password } = v6only.credentials;
    const env = { VBM365_URL: v6only.url, VBM365_USERNAME: username, VBM365_PASSWORD: password };
    const result = await runCli(["sessions", "--api-version", "v8", "--format", "ndjson"], { env });
    expect(result.code).toBe(64);
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${notServed(v6only, "v8", "--api-version", "/v8/token", "v6")}${help("sessions")}`,
    ]);
    expect(result.stderr).not.toContain(password);
  });

  test("events and stop of a session the server has: the version, not the session, is missing", async () => {
    const id = firstId(v6only);
    const events = await runCli(["events", id, "--api-version", "v8", "--format", "ndjson"], { env: tokenEnv(v6only) });
    expect(events.code).toBe(64);
    expect(lines(events.stderr)).toEqual([
      `vbm365-audit: ${notServed(v6only, "v8", "--api-version", `/v8/RestoreSessions/${id}/Events`, "v6")}${help("events")}`,
    ]);
    const stop = await runCli(["stop", id, "--yes", "--api-version", "v8"], { env: tokenEnv(v6only) });
    expect(stop.code).toBe(64);
    expect(lines(stop.stderr)).toEqual([
      `vbm365-audit: ${notServed(v6only, "v8", "--api-version", `/v8/RestoreSessions/${id}`, "v6")}${help("stop")}`,
    ]);
  });
});

describe("what stays as it was", () => {
  test("a pinned version the server serves, with an unknown id: still 'no such restore session' (exit 66)", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const result = await runCli(["events", missing, "--api-version", "v6", "--format", "ndjson"], { env: tokenEnv(v6only) });
    expect(result.code).toBe(66);
    expect(result.stderr).toContain("has no such restore session (HTTP 404");
  });

  test("--api-version v6 on a v8-only server: the list path's 404 says v6 is not served, though it serves newer", async () => {
    const result = await runCli(["sessions", "--api-version", "v6", "--format", "ndjson"], { env: tokenEnv(v8only) });
    expect(result.code).toBe(64);
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${notServed(v8only, "v6", "--api-version", "/v6/RestoreSessions", "v8")}${help("sessions")}`,
    ]);
  });
});
