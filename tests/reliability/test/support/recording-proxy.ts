// A loopback proxy in front of the testkit server that remembers every token the server
// hands out (the testkit makes them at random), so tests know each secret to look for.
// With `echo` on it plays a badly behaved server: every answer is an error whose message
// repeats what the request carried (the Authorization header, the login form) — the worst
// case for an error message that quotes the server.
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordingProxy {
  url: string;
  /** Every access and refresh token seen in a token response so far. */
  tokens: Set<string>;
  echo: boolean;
  close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const proxy: RecordingProxy = { url: "", tokens: new Set(), echo: false, close: async () => undefined };
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    if (proxy.echo) {
      const isToken = /\/v\d+\/token/i.test(req.url ?? "");
      const carried = isToken ? body.toString("utf8") : String(req.headers.authorization ?? "");
      res.writeHead(isToken ? 401 : 400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `Rejected: ${carried}`, request: { headers: req.headers, body: body.toString("utf8") } }));
      return;
    }
    const forward = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      async (answer) => {
        let payload: Buffer;
        try {
          payload = await readAll(answer);
        } catch {
          return void res.destroy(); // the upstream cut the body: so does the proxy
        }
        if (/\/v\d+\/token/i.test(req.url ?? "") && answer.statusCode === 200) {
          const issued = JSON.parse(payload.toString("utf8")) as { access_token?: string; refresh_token?: string };
          for (const token of [issued.access_token, issued.refresh_token]) if (token) proxy.tokens.add(token);
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(payload);
      },
    );
    forward.on("error", () => res.destroy());
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}
