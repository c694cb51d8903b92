// Runs the BUILT audit CLI as a child process, the way admins and monitoring run it,
// with an environment free of the developer's own VBM365_* settings.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const AUDIT_CLI = fileURLToPath(new URL("../../../../apps/audit/dist/cli.js", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runAudit(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("VBM365_") && key !== "NODE_TLS_REJECT_UNAUTHORIZED" && key !== "NODE_EXTRA_CA_CERTS") base[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AUDIT_CLI, ...args], {
      env: { ...base, NO_COLOR: "1", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}
