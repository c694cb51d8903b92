// The pinned Redocly CLI (2.77.0) as a child process: `respect` runs the Arazzo workflows,
// `lint` checks them, `bundle` turns them into JSON the runner can read. Quiet: no
// telemetry, no update notice, and the Node 20 banner dropped.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

export interface RedoclyRun {
  status: number;
  output: string;
}

export function redocly(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<RedoclyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // A hung run is a failure with what it printed so far, never a hung test.
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        status: code ?? 1,
        output: output
          .split("\n")
          .filter((line) => !/[║╔╚]/.test(line))
          .join("\n")
          .trim(),
      });
    });
  });
}
