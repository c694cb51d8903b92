import type { ChildProcess } from "node:child_process";
export interface MockServer {
  url: string;
  port: number;
  child: ChildProcess;
  close(): Promise<void>;
}
export declare function freePort(): Promise<number>;
export declare function startMock(options?: { port?: number; quiet?: boolean; args?: string[]; spec?: string; startTimeoutMs?: number }): Promise<MockServer>;
