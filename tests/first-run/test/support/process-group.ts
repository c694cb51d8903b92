// Runs a command in a process group of its own, as a terminal runs a foreground job, so the
// test can press "Ctrl-C" (SIGINT to the whole group) and then ask whether any process of
// the group is still alive.
import { spawn, type ChildProcess } from "node:child_process";

export interface Job {
  child: ChildProcess;
  /** Everything the job printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first line matching `pattern`; rejects when the job exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Ctrl-C: SIGINT to every process of the group. */
  interrupt(): void;
  /** True while any process of the group lives. */
  groupAlive(): boolean;
  /** Last resort for a failed test: SIGKILL to the group. */
  kill(): void;
}

export function startJob(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Job {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    printed += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  const group = -(child.pid ?? 0);
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(group, signal);
      return true;
    } catch {
      return false; // ESRCH: no process of the group is left
    }
  };

  return {
    child,
    output: () => printed,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = printed.split("\n").find((candidate) => pattern.test(candidate));
          if (line === undefined) return;
          listeners.delete(check);
          resolve(line);
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          listeners.delete(check);
          reject(new Error(`${command} ${args.join(" ")} exited (${code}) before printing ${pattern}:\n${printed}`));
        });
      });
    },
    interrupt: () => void signalGroup("SIGINT"),
    groupAlive: () => signalGroup(0),
    kill: () => void signalGroup("SIGKILL"),
  };
}

/** Polls `condition` every 100 ms until it holds or `timeoutMs` passes; answers whether it held. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
