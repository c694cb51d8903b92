// What only happens at a terminal: the stop prompt, the progress line, colours. The CLI
// runs under util-linux `script`, which gives it a pseudo-terminal.
import { spawn, spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLI, runCli } from "./run-cli.js";
import { sessionsOf, startServer, tokenEnv, type TestServer } from "./testkit-server.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;
// Like chromium for browser tests: missing in CI is a failure, on a laptop a loud skip.
if (!hasScript && process.env.CI === "true") throw new Error("terminal tests need util-linux `script` (apt-get install bsdutils)");
if (!hasScript) console.warn("SKIPPED terminal tests: util-linux `script` is not installed (apt-get install bsdutils)");

let server: TestServer;
beforeAll(async () => {
  server = await startServer(300);
});
afterAll(() => server?.close());

/** Runs the CLI on a pseudo-terminal after the shell commands `setup`; `answer` is typed once `prompt` appears. */
function runOnTerminal(args: string[], env: Record<string, string>, prompt?: string, answer?: string, setup?: string) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const quoted = [process.execPath, CLI, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
    const command = setup === undefined ? quoted : `${setup}; ${quoted}`;
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { ...process.env, ...env } });
    let output = "";
    let answered = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (prompt && !answered && output.includes(prompt)) {
        answered = true;
        child.stdin.write(`${answer}\n`);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

function workingSessions() {
  return sessionsOf(server).filter(({ session }) => server.data.session(server.data.indexOf(session.id)).state === "Working");
}

describe.skipIf(!hasScript)("at a terminal", () => {
  test("stop asks; 'n' leaves the session running (exit 1), 'y' stops it", async () => {
    const [target] = workingSessions();
    const no = await runOnTerminal(["stop", target!.session.id], tokenEnv(server), "[y/N]", "n");
    expect(no.output).toContain(`Stop restore session ${target!.session.id}`);
    expect(no.output).toContain("Not stopped.");
    expect(no.code).toBe(1);
    expect(server.data.session(target!.index).state).toBe("Working");

    const yes = await runOnTerminal(["stop", target!.session.id], tokenEnv(server), "[y/N]", "y");
    expect(yes.output).toContain(`Stopped restore session ${target!.session.id}.`);
    expect(yes.code).toBe(0);
    expect(server.data.session(target!.index).state).toBe("Stopped");
  });

  test("without VBM365_PASSWORD it prompts on the terminal, without echoing what is typed", async () => {
    const env = { VBM365_URL: server.url, VBM365_USERNAME: server.credentials.username, NO_COLOR: "1" };
    const result = await runOnTerminal(
      ["sessions", "--since", "2h", "--format", "ndjson"],
      env,
      "Password for",
      server.credentials.password,
    );
    expect(result.output).toContain(`Password for ${server.credentials.username} at ${server.url}: `);
    expect(result.output).not.toContain(server.credentials.password);
    expect(result.output).toMatch(/\{"id":"[0-9a-f-]{36}"/);
    expect(result.code).toBe(0);
  });

  test("a progress line on the terminal's stderr while rows go to --out, cleared at the end", async () => {
    const out = join(tmpdir(), `vbm365-audit-progress-${process.pid}.ndjson`);
    // One slow page keeps the export running past the progress line's first 300 ms.
    const fault = server.faults.inject({ kind: "delayHeaders", delayMs: 1000, match: { path: /offset=100\b/ }, times: 1 });
    try {
      const result = await runOnTerminal(["sessions", "--all", "--page-size", "50", "--out", out], tokenEnv(server));
      expect(result.code).toBe(0);
      expect(result.output).toMatch(/\r\u001b\[2K\d+ pages fetched, \d+ sessions seen, \d+ selected/);
      // Cleared before the summary line, which is the last thing written.
      expect(result.output).toMatch(new RegExp(`\\r\\u001b\\[2Kvbm365-audit: wrote 300 restore sessions to ${out} \\(ndjson\\)\\r?\\n$`));
      expect((await readFile(out, "utf8")).split("\n").filter(Boolean)).toHaveLength(300);
    } finally {
      fault.remove();
      await rm(out, { force: true });
    }
  });

  test("colours on a terminal, none with NO_COLOR", async () => {
    const coloured = await runOnTerminal(["sessions", "--since", "bad"], {});
    expect(coloured.output).toContain("\u001b[31mvbm365-audit:");
    const plain = await runOnTerminal(["sessions", "--since", "bad"], { NO_COLOR: "1" });
    expect(plain.output).not.toContain("\u001b[");
    expect(plain.output).toMatch(/^vbm365-audit: --since 'bad'/);
  });

  test("the table fits the terminal's width: rows cut, never wrapped, the id whole", async () => {
    // `script` exports COLUMNS as its own width: set a different one, the terminal's must win.
    const setup = "stty cols 90 rows 50; export COLUMNS=300";
    const result = await runOnTerminal(["sessions", "--all"], { ...tokenEnv(server), NO_COLOR: "1" }, undefined, undefined, setup);
    expect(result.code).toBe(0);
    const out = result.output.split(/\r?\n/).filter(Boolean);
    expect(out[0]).toMatch(/^┌/);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(90);
    const ids = out.filter((line) => /^│ [0-9a-f]{8}-/.test(line)).map((line) => line.slice(2, 38));
    expect(ids).toEqual(sessionsOf(server).map(({ session }) => session.id));
  });

  test("table is the default on a terminal, ndjson when piped (with nothing on stderr)", async () => {
    const terminal = await runOnTerminal(["sessions", "--since", "3h"], { ...tokenEnv(server), NO_COLOR: "1" });
    expect(terminal.code).toBe(0);
    expect(terminal.output).toMatch(/┌[^\n]*\r?\n│ id\s+│ creationTime/);
    const piped = await runCli(["sessions", "--since", "3h"], { env: tokenEnv(server) });
    expect(piped.stderr).toBe("");
    expect(JSON.parse(piped.stdout.split("\n")[0]!).id).toBe(sessionsOf(server)[0]!.session.id);
  });
});

test("stop --yes without a terminal stops the session", async () => {
  const [, target] = workingSessions();
  const result = await runCli(["stop", target!.session.id, "--yes"], { env: tokenEnv(server) });
  expect(result.stdout).toBe(`Stopped restore session ${target!.session.id}.\n`);
  expect(result.code).toBe(0);
  expect(server.data.session(target!.index).state).toBe("Stopped");
});
