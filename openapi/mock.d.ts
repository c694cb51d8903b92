import type { ChildProcess } from "node:child_process";
export interface MockServer {
  url: string;
  port: number;
  child: ChildProcess;
  close(): Promise<void>;
}
export declare function freePort(): Promise<number>;
/** `version` serves that API version's bundle; v6 when neither it nor `spec` is given. */
export declare function startMock(options?: {
  port?: number;
  quiet?: boolean;
  args?: string[];
  spec?: string;
  version?: "v6" | "v7" | "v8";
  startTimeoutMs?: number;
}): Promise<MockServer>;
