// How a reply reaches the socket, and how the damaging faults get in its way: a delay
// before the headers, a body dribbled out slowly, a body cut short by a reset or a close,
// broken JSON. Timers are tracked so close() ends every pending delivery at once.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { FaultSpec } from "./faults.js";
import { SERVER_ERROR_MESSAGE, type Reply } from "./reply.js";

export const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_DELAY_MS = 2000;

/**
 * Resets the TCP connection (RST). A TLS socket cannot be reset itself: the TCP socket
 * under it is, and the TLS socket is destroyed a tick later so the HTTP server forgets it.
 */
export function resetConnection(socket: Socket): void {
  const tcp = (socket as Socket & { _parent?: Socket })._parent;
  if (tcp) {
    tcp.resetAndDestroy();
    setImmediate(() => socket.destroy());
  } else {
    socket.resetAndDestroy();
  }
}

/** The request body as text, or undefined when it is over MAX_BODY_BYTES (the rest is drained). */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The status a request is logged with: what the client sees, a malformedJson fault's included. */
export function deliveredStatus(reply: Reply, fault?: Readonly<FaultSpec>): number {
  return fault?.kind === "malformedJson" ? (fault.status ?? 200) : reply.status;
}

export class Delivery {
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }

  /** Ends every delay now (the server is closing). */
  cancelAll(): void {
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.timers.clear();
  }

  async deliver(req: IncomingMessage, res: ServerResponse, reply: Reply, fault?: Readonly<FaultSpec>): Promise<void> {
    let body = Buffer.from(reply.body ?? "", "utf8");
    const status = deliveredStatus(reply, fault);
    const headers: Record<string, string> = { ...reply.headers };
    if (fault?.kind === "malformedJson") {
      headers["content-type"] = "application/json; charset=utf-8";
      const text = reply.body && reply.body.length > 2 ? reply.body : JSON.stringify({ message: SERVER_ERROR_MESSAGE });
      body = Buffer.from(`${text.slice(0, Math.ceil(text.length / 2))},,}`, "utf8");
    }
    headers["content-length"] = String(body.length);
    const gone = () => res.destroyed || req.socket.destroyed;
    switch (fault?.kind) {
      case "delayHeaders":
        await this.sleep(fault.delayMs ?? DEFAULT_DELAY_MS);
        if (gone()) return;
        break;
      case "slowBody": {
        res.writeHead(status, headers);
        res.flushHeaders();
        const pieces = Math.max(1, Math.min(10, body.length));
        const size = Math.ceil(body.length / pieces);
        for (let at = 0; at < body.length; at += size) {
          if (gone()) return;
          res.write(body.subarray(at, at + size));
          await this.sleep((fault.delayMs ?? DEFAULT_DELAY_MS) / pieces);
        }
        if (!gone()) res.end();
        return;
      }
      case "resetMidBody":
      case "truncatedBody": {
        headers["content-length"] = String(Math.max(body.length, 32));
        res.writeHead(status, headers);
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          // A moment for the part sent to reach the client before the connection goes.
          void this.sleep(20).then(() => {
            if (fault.kind === "resetMidBody") resetConnection(req.socket);
            else req.socket.end();
          });
        });
        return;
      }
    }
    res.writeHead(status, headers);
    res.end(body);
  }
}
