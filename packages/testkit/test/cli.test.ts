import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** Starts the CLI, waits for its banner, returns the printed settings and a stop(). */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise<{ settings: Record<string, string>; stop: () => Promise<number | null> }>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr.on("data", (chunk) => (err += chunk));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (!out.includes("Press Ctrl+C")) return;
      const settings = Object.fromEntries(
        out
          .split("\n")
          .filter((line) => line.startsWith("VBM365_"))
          .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
      const stop = () =>
        new Promise<number | null>((done) => {
          child.once("exit", (code) => done(code));
          child.kill("SIGTERM");
        });
      resolve({ settings, stop });
    });
    child.once("exit", (code) => reject(new Error(`cli exited ${code}: ${err}`)));
  });
}

describe("pnpm testkit (the CLI)", () => {
  it("prints URL, credentials and a working token, and stops cleanly on SIGTERM", async () => {
    const { settings, stop } = await startCli(["--sessions", "7", "--seed", "3"]);
    try {
      expect(settings.VBM365_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(settings.VBM365_USERNAME).toBe("testkit-admin");
      const response = await fetch(`${settings.VBM365_URL}/v6/RestoreSessions`, {
        headers: { authorization: `Bearer ${settings.VBM365_TOKEN}` },
      });
      expect(response.status).toBe(200);
      expect((await response.json()).results).toHaveLength(7);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("writes token dates in ISO 8601 by default and as RFC 1123 dates with --token-dates rfc1123", async () => {
    const login = async (url: string) => {
      const body = new URLSearchParams({ grant_type: "password", username: "testkit-admin", password: "testkit-password" });
      const response = await fetch(`${url}/v6/token`, { method: "POST", body });
      return (await response.json()) as Record<string, string>;
    };
    for (const [args, pattern] of [
      [[], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/],
      [["--token-dates", "rfc1123"], /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/],
    ] as const) {
      const { settings, stop } = await startCli(["--sessions", "1", ...args]);
      try {
        const token = await login(settings.VBM365_URL!);
        expect(token[".issued"]).toMatch(pattern);
        expect(token[".expires"]).toMatch(pattern);
      } finally {
        await stop();
      }
    }
  });

  it("with --https writes the CA to a file it names", async () => {
    const { settings, stop } = await startCli(["--sessions", "1", "--https"]);
    try {
      expect(settings.VBM365_URL).toMatch(/^https:/);
      expect(readFileSync(settings.VBM365_CA_FILE!, "utf8")).toMatch(/^-----BEGIN CERTIFICATE-----/);
    } finally {
      await stop();
    }
    expect(existsSync(settings.VBM365_CA_FILE!)).toBe(false);
  });

  it("says in one line when the port is taken", async () => {
    const { settings, stop } = await startCli(["--sessions", "1"]);
    try {
      const port = new URL(settings.VBM365_URL!).port;
      const result = spawnSync(process.execPath, [CLI, "--port", port], { encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`testkit: port ${port} is in use: pick another with --port, or --port 0 for any free one\n`);
    } finally {
      await stop();
    }
  });

  it.each([
    [["--sesions", "5"], /Unknown option '--sesions'/],
    [["--sessions", "-1"], /--sessions needs a value/],
    [["--sessions", "many"], /--sessions must be a whole number/],
    [["--port", "70000"], /--port must be a whole number from 0 to 65535/],
    [["--defect", "nope"], /--defect "nope" is unknown/],
    [["--now", "tomorrow"], /--now "tomorrow" is not an ISO 8601 date-time/],
    [["--token-dates", "rfc822"], /--token-dates "rfc822" is unknown: use one of iso8601, rfc1123/],
    [["stray"], /Unexpected argument 'stray'/],
  ])("refuses %j with one line on stderr and exit code 2", (args, message) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
