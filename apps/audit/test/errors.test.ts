// Bad input: one line naming the problem and the fix, exit 64 (never 0-3), no stack trace.
// Secrets: never in any output, --debug included.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@vbm365/openapi/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawn } from "node:child_process";
import { CLI, lines, runCli, type CliResult } from "./run-cli.js";
import { sessionsOf, startServer, tokenEnv, type TestServer } from "./testkit-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(200);
});
afterAll(() => server?.close());

const STACK = /\n\s+at |Error:|\.ts:\d|\.js:\d/;

function expectOneLineError(result: CliResult, code: number, pattern: RegExp) {
  expect(result.stdout).toBe("");
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(/^vbm365-audit: /);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.code).toBe(code);
}

describe("bad command lines exit 64 with one line", () => {
  const cases: [string, string[], RegExp][] = [
    ["unknown flag", ["sessions", "--sincee", "24h"], /unknown option '--sincee' for 'sessions'.*--help/],
    ["bad duration", ["sessions", "--since", "yesterday"], /--since 'yesterday' is not a duration: use .*24h/],
    [
      "a duration past any date",
      ["sessions", "--since", "99999999999999999999d"],
      /--since '99999999999999999999d' is too long: use at most 36500d \(100 years\), or --all for every session/,
    ],
    ["a duration past the window limit", ["report", "--since", "36501d"], /--since '36501d' is too long: use at most 36500d/],
    [
      "type named like an Object property",
      ["sessions", "--type", "constructor"],
      /--type 'constructor' is not known: use Vex \(exchange\)/,
    ],
    ["session id named like an Object property", ["events", "constructor"], /session id 'constructor' is not a UUID/],
    ["bad date", ["report", "--from", "27/11/2026"], /--from '27\/11\/2026' is not a date: use ISO 8601/],
    ["impossible date", ["sessions", "--from", "2026-02-30"], /--from '2026-02-30' is not a date: use ISO 8601/],
    ["--from after --to", ["sessions", "--from", "2026-11-27", "--to", "2026-11-01"], /--from 2026-11-27 is after --to 2026-11-01/],
    ["--since with --from", ["sessions", "--since", "1h", "--from", "2026-11-01"], /cannot be combined/],
    ["unknown type", ["sessions", "--type", "mailbox"], /--type 'mailbox' is not known: use Vex \(exchange\)/],
    ["unknown result", ["sessions", "--result", "Great"], /--result 'Great' is not known: use one of Success, Warning, Failed/],
    ["unknown format", ["sessions", "--format", "xml"], /--format 'xml' is not known/],
    [
      "--csv-raw without csv",
      ["report", "--out", "x.ndjson", "--csv-raw"],
      /--csv-raw applies to CSV output only, and this output is ndjson/,
    ],
    ["bad page size", ["sessions", "--page-size", "0"], /--page-size '0' must be a whole number from 1 to 10000/],
    ["page size in exponent notation", ["sessions", "--page-size", "1e3"], /--page-size '1e3' must be a whole number from 1 to 10000/],
    ["unknown command", ["restores"], /unknown command 'restores'/],
    ["object property as command", ["constructor"], /unknown command 'constructor'/],
    ["missing session id", ["events"], /'events' needs <sessionId>/],
    ["bad session id", ["stop", "12345", "--yes"], /session id '12345' is not a UUID/],
    ["password flag", ["sessions", "--password", "hunter2"], /--password is not accepted on the command line.*VBM365_PASSWORD/],
    ["bad url", ["sessions", "--url", "vbm.example:4443"], /must start with https:\/\//],
    ["credentials without a server", [], /no server: set VBM365_URL/],
    [
      "username without password and no terminal",
      ["sessions", "--url", "http://127.0.0.1:9"],
      /VBM365_PASSWORD is not.*no terminal to ask on: set VBM365_PASSWORD/,
    ],
  ];
  test.each(cases)("%s", async (_name, args, pattern) => {
    const env =
      args.length === 0
        ? { VBM365_TOKEN: "t0ken-value" }
        : args.includes("http://127.0.0.1:9")
          ? { VBM365_USERNAME: "admin" }
          : tokenEnv(server);
    const result = await runCli(args.length === 0 ? ["sessions"] : args, { env });
    expectOneLineError(result, 64, pattern);
    expect(result.stderr).not.toContain("hunter2");
  });

  test("a mistake found after --out is named leaves no file behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vbm365-audit-usage-"));
    try {
      const result = await runCli(["sessions", "--out", join(dir, "x.csv")], { env: { VBM365_URL: server.url } });
      expectOneLineError(result, 64, /no credentials for/);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("stop without a terminal and without --yes refuses, and stops nothing", async () => {
    const working = sessionsOf(server).find(({ session }) => session.state === "Working")!;
    const result = await runCli(["stop", working.session.id], { env: tokenEnv(server) });
    expectOneLineError(result, 64, /no terminal to ask on: add --yes/);
    expect(server.data.session(working.index).state).toBe("Working");
  });
});

describe("help and version", () => {
  test.each(["sessions", "events", "report", "stop", "check"])("%s --help shows usage and examples", async (command) => {
    const result = await runCli([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: vbm365-audit ${command}`));
    expect(result.stdout).toMatch(/\nExamples:\n {2}vbm365-audit /);
  });

  test("--help and --version at the top", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toMatch(/Commands:[\s\S]*check[\s\S]*Exit codes:/);
    const version = await runCli(["--version"]);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("server problems", () => {
  test("unreachable server: one line, exit 69", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(["sessions"], { env: { VBM365_URL: url, VBM365_TOKEN: "x" } });
    expectOneLineError(result, 69, new RegExp(`cannot reach ${url}: connection refused: check --url / VBM365_URL`));
  });

  test("a server failing mid-export: one line, exit 69, and no --out file left behind (not even a partial one)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vbm365-audit-out-"));
    const fault = server.faults.inject({ kind: "status", status: 500, match: { path: /offset=100\b/ }, times: Infinity });
    try {
      const result = await runCli(["sessions", "--all", "--page-size", "50", "--format", "csv", "--out", join(dir, "export.csv")], {
        env: tokenEnv(server),
      });
      expectOneLineError(result, 69, /answered HTTP 500/);
      expect(fault.fired).toBeGreaterThan(0);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      fault.remove();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGHUP", 129],
  ] as const)("%s mid-export: the partial --out file is removed, exit %i", async (signal, code) => {
    const dir = await mkdtemp(join(tmpdir(), "vbm365-audit-kill-"));
    // Page 3 hangs, so the export is surely under way when the signal comes.
    const fault = server.faults.inject({ kind: "delayHeaders", delayMs: 20_000, match: { path: /offset=100\b/ }, times: Infinity });
    try {
      const child = spawn(process.execPath, [CLI, "sessions", "--all", "--page-size", "50", "--out", join(dir, "export.ndjson")], {
        env: { ...process.env, ...tokenEnv(server) },
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      while (!(await readdir(dir)).some((name) => name.startsWith("export.ndjson.partial-")) || fault.fired === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      fault.remove();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("unknown session id: one line, exit 66", async () => {
    const result = await runCli(["events", "00000000-0000-4000-8000-000000000000"], { env: tokenEnv(server) });
    expectOneLineError(result, 66, /no such restore session \(HTTP 404/);
  });

  test("with nothing configured it says it uses the local mock; an empty VBM365_URL is an error, not the mock", async () => {
    const result = await runCli(["sessions", "--url", `http://127.0.0.1:${await freePort()}`], { env: { VBM365_TOKEN: "x" } });
    expect(result.code).toBe(69);
    const mock = await runCli(["sessions"], { env: {} });
    expect(mock.stderr).toMatch(
      /^vbm365-audit: no VBM365_URL or --url set: using the local mock http:\/\/127\.0\.0\.1:4010 with a dummy token/,
    );
    const empty = await runCli(["sessions"], { env: { VBM365_URL: "" } });
    expectOneLineError(empty, 64, /VBM365_URL is set but empty: set it to the server root/);
  });
});

describe("secrets never appear in output", () => {
  const SECRET_TOKEN = "s3cret-token-Zq81xW";
  const SECRET_PASSWORD = "pa55-word-Ky72vT";

  function expectNoSecret(result: CliResult, ...secrets: string[]) {
    for (const secret of secrets) {
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  }

  test("a refused token, with and without --debug", async () => {
    for (const debug of [[], ["--debug"]]) {
      const result = await runCli(["sessions", ...debug], { env: { VBM365_URL: server.url, VBM365_TOKEN: SECRET_TOKEN } });
      expect(result.code).toBe(77);
      expect(result.stderr).toMatch(/refused the credentials \(HTTP 401/);
      expectNoSecret(result, SECRET_TOKEN);
    }
  });

  test("a refused password, with and without --debug", async () => {
    for (const debug of [[], ["--debug"]]) {
      const env = { VBM365_URL: server.url, VBM365_USERNAME: server.credentials.username, VBM365_PASSWORD: SECRET_PASSWORD };
      const result = await runCli(["report", ...debug], { env });
      expect(result.code).toBe(77);
      expect(result.stderr).toMatch(/refused the credentials/);
      expectNoSecret(result, SECRET_PASSWORD);
    }
  });

  test("a working login, an unreachable server and check, all with --debug", async () => {
    const login = { VBM365_URL: server.url, VBM365_USERNAME: server.credentials.username, VBM365_PASSWORD: server.credentials.password };
    const ok = await runCli(["sessions", "--since", "2h", "--debug"], { env: login });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\{"id":"[0-9a-f-]{36}"/);
    expectNoSecret(ok, server.credentials.password);
    const down = { VBM365_URL: `http://127.0.0.1:${await freePort()}`, VBM365_TOKEN: SECRET_TOKEN };
    for (const args of [
      ["sessions", "--debug"],
      ["check", "--debug"],
    ]) {
      const result = await runCli(args, { env: down });
      expect(result.stderr + result.stdout).toMatch(/cannot reach/);
      expectNoSecret(result, SECRET_TOKEN);
    }
  });
});
