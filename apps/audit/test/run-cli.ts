// Runs the BUILT cli (dist/cli.js) as a child process, as admins and monitoring do.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Highest resident set size sampled from /proc while it ran, in KiB. */
  peakRssKiB: number;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  nodeArgs?: string[];
  /** Sample /proc/<pid>/status for the peak RSS. */
  sampleMemory?: boolean;
}

/** The parent's environment without any VBM365_* setting, so a developer's shell cannot leak in. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("VBM365_")) env[key] = value;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function readPeakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    // VmHWM is the peak so far, so a late sample still covers earlier spikes.
    const match = /VmHWM:\s+(\d+) kB/.exec(status) ?? /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
      env: cleanEnv(options.env ?? {}),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let peakRssKiB = 0;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const sampler = options.sampleMemory
      ? setInterval(() => {
          if (child.pid !== undefined) peakRssKiB = Math.max(peakRssKiB, readPeakRss(child.pid));
        }, 20)
      : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      if (sampler) clearInterval(sampler);
      resolve({ code, stdout, stderr, peakRssKiB });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Lines of text without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line, i, all) => !(line === "" && i === all.length - 1));
}
