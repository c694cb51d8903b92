// A proxy in front of a clean server that bends one rule at a time, so a check no testkit
// defect reaches can still be proven able to fail. `rewrite` changes the request before it
// is forwarded (a filter the server "ignores"); `twist` changes the answer.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** How the proxy bends the upstream answer to one request (whose body it is given too). */
export type Twist = (req: IncomingMessage, answer: Answer, count: number, body: string) => Answer;

export interface TwistProxy {
  url: string;
  /** What the next requests get; the identity until set. */
  set(twist: Twist, rewrite?: (path: string) => string): void;
  close(): Promise<void>;
}

function forward(upstream: URL, path: string, req: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const out = request(new URL(path, upstream), { method: req.method, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          headers: { "content-type": String(res.headers["content-type"] ?? "") },
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    out.on("error", reject);
    out.end(body);
  });
}

export async function startTwistProxy(upstreamUrl: string): Promise<TwistProxy> {
  const upstream = new URL(upstreamUrl);
  let twist: Twist = (_req, a) => a;
  let rewrite = (path: string) => path;
  let count = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const answer = twist(req, await forward(upstream, rewrite(req.url!), req, body), ++count, body.toString());
      // A 204 carries no body; an empty one is written as none.
      res.writeHead(answer.status, answer.body ? answer.headers : {}).end(answer.body || undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(next, nextRewrite) {
      twist = next;
      rewrite = nextRewrite ?? ((path) => path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
