// `pnpm --filter @vbm365/dashboard start`: prints its URL when ready; bad settings give one
// line and exit 1, without a stack trace or a secret.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/lib/server/cli.js", import.meta.url));

function run(env: Record<string, string>, untilUrl: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (untilUrl && /http:\/\/127\.0\.0\.1:\d+\//.test(stdout)) child.kill("SIGTERM");
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("dashboard CLI", () => {
  it("prints its URL when ready and stops on SIGTERM", async () => {
    const { code, stdout } = await run({ PORT: "0", VBM365_URL: "http://127.0.0.1:9", VBM365_TOKEN: "cli-secret-token" }, true);
    expect(stdout).toMatch(/^Restore dashboard: http:\/\/127\.0\.0\.1:\d+\/ {2}\(VBM365 server: http:\/\/127\.0\.0\.1:9\)/);
    expect(stdout).not.toContain("cli-secret-token");
    expect(code).toBe(0);
  });

  it("refuses a bad setting with one line and exit code 1", async () => {
    const { code, stdout, stderr } = await run({ VBM365_URL: "https://vbm.example", VBM365_PASSWORD: "cli-secret-pw" }, false);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "Dashboard not started: no credentials for https://vbm.example (VBM365_PASSWORD is set without VBM365_USERNAME): set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD",
    ]);
  });

  it("refuses to listen beyond loopback without an access token", async () => {
    const { code, stdout, stderr } = await run(
      { HOST: "0.0.0.0", PORT: "0", VBM365_URL: "http://127.0.0.1:9", VBM365_TOKEN: "cli-secret-token" },
      false,
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Dashboard not started: HOST 0\.0\.0\.0 is beyond loopback: set DASHBOARD_ACCESS_TOKEN/);
  });

  it("with an access token, says one is needed and never prints it", async () => {
    const accessToken = "cli-access-token-0123456789abcdef-xyz";
    const { code, stdout } = await run(
      { PORT: "0", VBM365_URL: "http://127.0.0.1:9", VBM365_TOKEN: "cli-secret-token", DASHBOARD_ACCESS_TOKEN: accessToken },
      true,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Access token required: open the page and enter DASHBOARD_ACCESS_TOKEN/);
    expect(stdout).not.toContain(accessToken);
  });
});
