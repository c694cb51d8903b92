// A server that answers whatever a test tells it to: garbage pages, escapes in data, error
// messages that echo what was sent. Loopback only.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status?: number;
  /** Serialised with JSON.stringify unless it is already a string. */
  body: unknown;
}

export interface HostileServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startHostileServer(answer: (request: SeenRequest) => Answer): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const { status = 200, body } = answer(request);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const isList = (url: string) => /^\/v6\/RestoreSessions(\?|$)/i.test(url);

/** Answers the session list with one page of `sessions`, and an empty page after it. */
export function sessionPages(sessions: unknown[]): (request: SeenRequest) => Answer {
  return ({ url }) => {
    if (!isList(url)) return { status: 404, body: { message: "not here" } };
    const offset = Number(new URL(url, "http://x").searchParams.get("offset") ?? 0);
    const results = offset === 0 ? sessions : [];
    return { body: { offset, limit: 1000, results } };
  };
}

let counter = 0;
/** A well-formed session with `fields` over the defaults; each gets its own id, one minute older than the last. */
export function session(fields: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    name: `session ${counter}`,
    organization: "Contoso",
    type: "Vex",
    creationTime: new Date(Date.now() - counter * 60_000).toISOString(),
    endTime: null,
    state: "Stopped",
    result: "Success",
    initiatedBy: "CONTOSO\\admin",
    clientHost: "ws01",
    ...fields,
  };
}
