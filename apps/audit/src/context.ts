import type { Readable, Writable } from "node:stream";

/** What a command may touch: injected so the entry point owns the process. */
export interface CliContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  now: () => Date;
  /** Secrets in play, scrubbed from every message. Filled in when credentials are read. */
  secrets: string[];
  /** Server root, for messages. */
  server?: string;
}
