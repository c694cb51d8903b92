// Runs a command to completion and hands back what it printed; never throws for a non-zero
// exit, so a test can show the output of a failure instead of a bare exit code.
import { execFile } from "node:child_process";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** This process's environment with `overrides`; an `undefined` value removes the variable. */
function mergedEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...overrides };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

export function run(command: string, args: string[], options: RunOptions): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd, env: mergedEnv(options.env), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== "number" ? String(error) : "") });
    });
  });
}

/** Runs and fails with everything printed when the command does not exit 0. */
export async function runOrThrow(command: string, args: string[], options: RunOptions): Promise<Ran> {
  const ran = await run(command, args, options);
  if (ran.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${ran.code} in ${options.cwd}\n${ran.stdout}\n${ran.stderr}`);
  }
  return ran;
}
