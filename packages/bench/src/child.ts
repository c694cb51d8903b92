// Benchmarks that measure memory or serve sockets run their pieces in separate Node
// processes, so one side's heap, CPU and garbage collection do not count against the other.
// A child speaks by printing one JSON line on stdout.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export function scriptPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

export interface ServerChild<T> {
  info: T;
  pid: number;
  stop(): Promise<void>;
}

function lastJsonLine(stdout: string): unknown {
  const lines = stdout
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"));
  const last = lines.at(-1);
  if (last === undefined) throw new Error("printed no JSON line");
  return JSON.parse(last);
}

function describe(script: string, code: number | null, signal: string | null, stderr: string): string {
  // Node prints the error's own line amid a code frame and its version; that line says why.
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const detail = lines.find((line) => /^\w*Error\b|^Error:/.test(line)) ?? lines.at(-1) ?? "";
  return `${script} exited with ${signal ?? `code ${code}`}${detail ? `: ${detail}` : ""}`;
}

/** Runs a script to the end and returns what its last JSON line says. */
export function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [scriptPath(script), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) return reject(new Error(describe(script, code, signal, stderr)));
      try {
        resolve(lastJsonLine(stdout) as T);
      } catch (error) {
        reject(new Error(`${script} ${(error as Error).message}`));
      }
    });
  });
}

/** Call in a server child: exit when the parent's end of stdin closes. */
export function exitWithParent(close: () => Promise<void> | void = () => {}): void {
  process.stdin.resume();
  process.stdin.on("end", () => void Promise.resolve(close()).finally(() => process.exit(0)));
}

/** Starts a long-running script and resolves once it printed its first JSON line. */
export function startServerChild<T>(script: string, args: string[], timeoutMs = 60_000): Promise<ServerChild<T>> {
  return new Promise((resolve, reject) => {
    // stdin stays open as a lifeline: the server exits when it closes, so a bench that dies
    // (or a test run that is killed) leaves no server behind.
    const child: ChildProcess = spawn(process.execPath, [scriptPath(script), ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${script} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill();
      });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (!stdout.includes("\n")) return;
      clearTimeout(timer);
      try {
        resolve({ info: lastJsonLine(stdout) as T, pid: child.pid!, stop });
      } catch (error) {
        void stop();
        reject(new Error(`${script} ${(error as Error).message}`));
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(describe(script, code, signal, stderr)));
    });
  });
}
