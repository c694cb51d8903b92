// A raw HTTP/1.1 exchange over a socket, so tests can tell a reset from a clean close and
// see exactly how many body bytes arrived and when.
import { connect } from "node:net";

export interface RawExchange {
  status?: number;
  headers: Record<string, string>;
  body: Buffer;
  /** How the connection ended: `end` (clean close) or `reset` (ECONNRESET). */
  ending: "end" | "reset" | "error";
  /** Milliseconds from sending to the first byte, and the times body chunks arrived. */
  firstByteMs?: number;
  bodyChunkTimes: number[];
}

export function rawGet(url: string, path: string, token?: string, method = "GET"): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let buffer = Buffer.alloc(0);
    let headEnd = -1;
    const result: RawExchange = { headers: {}, body: Buffer.alloc(0), ending: "end", bodyChunkTimes: [] };
    socket.on("connect", () => {
      const auth = token ? `Authorization: Bearer ${token}\r\n` : "";
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${auth}Connection: close\r\n\r\n`);
    });
    socket.on("data", (chunk: Buffer) => {
      result.firstByteMs ??= Date.now() - started;
      buffer = Buffer.concat([buffer, chunk]);
      if (headEnd < 0) {
        headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) return;
        const [statusLine, ...lines] = buffer.subarray(0, headEnd).toString("latin1").split("\r\n");
        result.status = Number(statusLine!.split(" ")[1]);
        for (const line of lines) {
          const at = line.indexOf(":");
          result.headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
        }
        if (buffer.length > headEnd + 4) result.bodyChunkTimes.push(Date.now() - started);
      } else {
        result.bodyChunkTimes.push(Date.now() - started);
      }
    });
    const finish = (ending: RawExchange["ending"]) => {
      result.ending = ending;
      result.body = headEnd < 0 ? Buffer.alloc(0) : buffer.subarray(headEnd + 4);
      resolve(result);
    };
    socket.on("error", (error: NodeJS.ErrnoException) => finish(error.code === "ECONNRESET" ? "reset" : "error"));
    socket.on("end", () => finish("end"));
  });
}
