// `check` as Nagios, Icinga and PRTG run it: the exit code is the state, stdout one line.
import { freePort } from "@vbm365/openapi/mock";
import type { RestoreSession } from "@vbm365/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { sessionsOf, startServer, tokenEnv, type TestServer } from "./testkit-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(1500);
});
afterAll(() => server?.close());

const STATUS = /^RESTORES (OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+( \| (.+))?$/;

/** A window holding exactly this one session (sessions are 15 minutes apart). */
function around(session: RestoreSession): string[] {
  const from = new Date(Math.floor(Date.parse(session.creationTime)));
  return ["--from", from.toISOString(), "--to", new Date(from.getTime() + 1).toISOString()];
}

function find(predicate: (session: RestoreSession) => boolean): RestoreSession {
  const found = sessionsOf(server).find(({ session }) => predicate(session));
  if (!found) throw new Error("the seed has no such session");
  return found.session;
}

function perfdata(line: string): Record<string, number> {
  const data = STATUS.exec(line)?.[3] ?? "";
  return Object.fromEntries(data.split(" ").map((item) => [item.split("=")[0], Number(item.split("=")[1]!.split(";")[0])]));
}

async function check(args: string[], env = tokenEnv(server)) {
  const result = await runCli(["check", ...args], { env });
  const out = lines(result.stdout);
  expect(out).toHaveLength(1);
  expect(out[0]).toMatch(STATUS);
  expect(result.stderr).toBe("");
  return { code: result.code, line: out[0]! };
}

describe("check states and exit codes", () => {
  test("OK (0): a successful, stopped session", async () => {
    const { code, line } = await check(around(find((s) => s.state === "Stopped" && s.result === "Success")));
    expect(line).toMatch(/^RESTORES OK - /);
    expect(code).toBe(0);
    expect(perfdata(line)).toEqual({ sessions: 1, failed: 0, warning: 0, long_running: 0, working: 0 });
    expect(line).toMatch(/ \(1 restore session from /);
  });

  test("WARNING (1): a session that ended with warnings", async () => {
    const { code, line } = await check(around(find((s) => s.result === "Warning")));
    expect(line).toMatch(/^RESTORES WARNING - /);
    expect(code).toBe(1);
    expect(perfdata(line)).toMatchObject({ sessions: 1, warning: 1 });
  });

  test("WARNING (1): a session Working longer than --max-running; OK while under it", async () => {
    const working = find((s) => s.state === "Working" && Date.now() - Date.parse(s.creationTime) > 2 * 3600_000);
    const long = await check([...around(working), "--max-running", "2h"]);
    expect(long.code).toBe(1);
    expect(perfdata(long.line)).toMatchObject({ long_running: 1, working: 1 });
    const young = await check([...around(working), "--max-running", "365d"]);
    expect(young.code).toBe(0);
    expect(perfdata(young.line)).toMatchObject({ long_running: 0, working: 1 });
  });

  test("CRITICAL (2): a failed session", async () => {
    const { code, line } = await check(around(find((s) => s.result === "Failed")));
    expect(line).toMatch(/^RESTORES CRITICAL - /);
    expect(code).toBe(2);
    expect(perfdata(line)).toMatchObject({ sessions: 1, failed: 1 });
  });

  test("perfdata counts every session of a wide window", async () => {
    const window = sessionsOf(server, { startTimeFrom: new Date(Date.now() - 7 * 24 * 3600_000 + 60_000) }).map(({ session }) => session);
    const { code, line } = await check(["--since", "7d"]);
    expect(code).toBe(2);
    const counts = perfdata(line);
    expect(counts.sessions! - window.length).toBeGreaterThanOrEqual(0);
    expect(counts.sessions! - window.length).toBeLessThanOrEqual(1); // a session may cross the edge meanwhile
    expect(line).toContain(` (${counts.sessions} restore sessions in the last 7d)`);
    expect(counts.failed).toBeGreaterThanOrEqual(window.filter((s) => s.result === "Failed").length);
    expect(counts.working).toBe(window.filter((s) => s.state === "Working").length);
  });

  test("UNKNOWN (3): server unreachable, credentials refused, bad options", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await check([], { VBM365_URL: closed, VBM365_TOKEN: "x-token" });
    expect(unreachable.code).toBe(3);
    expect(unreachable.line).toMatch(/^RESTORES UNKNOWN - cannot reach/);
    const refused = await check([], { VBM365_URL: server.url, VBM365_TOKEN: "not-a-valid-token" });
    expect(refused.code).toBe(3);
    expect(refused.line).toMatch(/^RESTORES UNKNOWN - .*refused the credentials/);
    const badOption = await check(["--max-running", "soon"]);
    expect(badOption.code).toBe(3);
    expect(badOption.line).toMatch(/^RESTORES UNKNOWN - --max-running 'soon' is not a duration/);
  });

  test.each([
    ["99999999999999999999d", "long"],
    ["366d", "long"],
    ["30s", "short"],
  ])("UNKNOWN (3): --max-running %s is too %s, and nothing is requested", async (value, which) => {
    server.stats.reset();
    const { code, line } = await check(["--max-running", value]);
    expect(code).toBe(3);
    expect(line).toBe(`RESTORES UNKNOWN - --max-running '${value}' is too ${which}: use from 1m to 365d, such as 2h`);
    expect(server.stats.requests).toBe(0);
  });

  test.each([
    ["unset", {}, "VBM365_URL is not set"],
    ["empty", { VBM365_URL: "" }, "VBM365_URL is empty"],
    ["empty, with a token", { VBM365_URL: "", VBM365_TOKEN: "t0ken" }, "VBM365_URL is empty"],
  ])("UNKNOWN (3): VBM365_URL %s never falls back to the local mock", async (_name, env, why) => {
    const { code, line } = await check([], env);
    expect(code).toBe(3);
    expect(line).toBe(
      `RESTORES UNKNOWN - no server to check: ${why} and no --url given (check never uses the local mock): set VBM365_URL=https://vbm.example:4443, or list servers in vbm365.config.yaml and pass --all-servers`,
    );
  });

  test("--prtg prints value:message for a PRTG EXE/Script sensor, with the same exit codes", async () => {
    const result = await runCli(["check", "--prtg", ...around(find((s) => s.result === "Failed"))], { env: tokenEnv(server) });
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/^1:CRITICAL - 1 failed/)]);
    expect(result.code).toBe(2);
  });
});
