// Runs one job per server, at most `parallel` at a time. Each job has its own deadline,
// counted from when it starts: a server that never answers is reported at its deadline
// and never holds back the others' results (its signal is aborted, so its requests stop).
import type { ServerSettings } from "../servers.js";

export const DEFAULT_PARALLEL = 4;
/** A whole command against one server: long enough for a big walk, short enough to notice a hang. */
export const DEFAULT_SERVER_DEADLINE_MS = 600_000;

export type ServerResult<T> =
  | { server: ServerSettings; ok: true; value: T; ms: number }
  | { server: ServerSettings; ok: false; error: unknown; ms: number };

/** A server that did not finish within its deadline. */
export class ServerDeadlineError extends Error {
  override name = "ServerDeadlineError";
  constructor(readonly deadlineMs: number) {
    super(`no answer within ${formatMs(deadlineMs)}`);
  }
}

export interface RunOptions {
  parallel?: number;
  /** Deadline of a server without its own (`timeout` in the configuration). */
  deadlineMs?: number;
}

export type ServerJob<T> = (server: ServerSettings, signal: AbortSignal) => Promise<T>;

/** Every server's result, in the order of `servers`, whatever order they finished in. */
export async function runFleet<T>(servers: readonly ServerSettings[], options: RunOptions, job: ServerJob<T>): Promise<ServerResult<T>[]> {
  const parallel = Math.max(1, Math.min(options.parallel ?? DEFAULT_PARALLEL, servers.length || 1));
  const results = new Array<ServerResult<T>>(servers.length);
  let next = 0;
  const worker = async () => {
    while (next < servers.length) {
      const index = next++;
      const server = servers[index]!;
      results[index] = await runOne(server, server.deadlineMs ?? options.deadlineMs ?? DEFAULT_SERVER_DEADLINE_MS, job);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

async function runOne<T>(server: ServerSettings, deadlineMs: number, job: ServerJob<T>): Promise<ServerResult<T>> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ServerDeadlineError(deadlineMs);
      controller.abort(error);
      reject(error);
    }, deadlineMs);
  });
  try {
    // Raced, not only signalled: a job that ignores its signal still ends at the deadline.
    const value = await Promise.race([job(server, controller.signal), deadline]);
    return { server, ok: true, value, ms: performance.now() - started };
  } catch (error) {
    // A job aborted by the deadline rejects with whatever its library makes of the abort; the deadline is the reason.
    const reason = controller.signal.aborted ? controller.signal.reason : error;
    return { server, ok: false, error: reason, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
    controller.abort(new ServerDeadlineError(deadlineMs));
  }
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Math.round(ms / 60_000)} min`;
}
