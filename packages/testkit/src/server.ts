// startTestServer: the seeded data, the routes, tokens, faults and defects behind a
// loopback node:http or node:https server. Each request is logged, may meet a fault,
// goes to the router and its reply is delivered (see delivery.ts).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { ServedEvents, SessionJsonCache } from "./caches.js";
import type { ApiContext, ParsedQuery } from "./context.js";
import { Dataset } from "./data.js";
import { deliveredStatus, Delivery, MAX_BODY_BYTES, readBody, resetConnection } from "./delivery.js";
import { faultReply } from "./fault-replies.js";
import { FaultRegistry, REPLACING_KINDS, type FaultController, type FaultKind } from "./faults.js";
import { checkOptions, type TestServerOptions } from "./options.js";
import { errorReply, json, SERVER_ERROR_MESSAGE } from "./reply.js";
import { handle, isTokenPath } from "./router.js";
import { testDataOf, type TestData } from "./test-data.js";
import { TokenStore } from "./tokens.js";

export interface TestServerStats {
  /** Every request received, faulted ones included. */
  requests: number;
  /** Requests to POST /v6/token, faulted ones included. */
  tokenRequests: number;
  /** Token requests the server answered itself, by grant type. */
  byGrant: { password: number; refresh_token: number };
  reset(): void;
}

/** One request as the server saw it (no headers or bodies: they may hold secrets). */
export interface RequestRecord {
  method: string;
  /** Path as sent, without the query. */
  path: string;
  /** Query parameters as sent (decoded), by name as sent. */
  query: Record<string, string>;
  /** For list routes that accepted the query: the values they used (instants as UTC, 7 digits). */
  parsed?: ParsedQuery;
  /** The status answered (undefined for a connection reset before the headers). */
  status?: number;
  /** The fault that hit this request, if any. */
  fault?: FaultKind;
}

export interface TestServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** PEM of the CA to trust, when `https` is on. */
  ca?: string;
  credentials: { username: string; password: string };
  /** An access token issued at start-up (stale after `expireTokens()`). */
  token: string;
  stats: TestServerStats;
  /** The last 1000 requests, oldest first; `requestLog.length = 0` empties it. */
  requestLog: RequestRecord[];
  faults: FaultController;
  data: TestData;
  /** New sessions, newer than all others, arrive (existing sessions move to higher offsets). */
  addSessions(count: number): void;
  /** Every access token issued so far expires now; refresh tokens stay valid. */
  expireTokens(): void;
  close(): Promise<void>;
}

const MAX_LOG = 1000;
const NS_PER_TICK = 100n;

function newStats(): TestServerStats {
  const stats: TestServerStats = {
    requests: 0,
    tokenRequests: 0,
    byGrant: { password: 0, refresh_token: 0 },
    reset() {
      stats.requests = 0;
      stats.tokenRequests = 0;
      stats.byGrant = { password: 0, refresh_token: 0 };
    },
  };
  return stats;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = checkOptions(options);
  const data = new Dataset(config.seed, config.sessions, config.now);
  const tokens = new TokenStore(config.ttl, config.tokenDates);
  const faults = new FaultRegistry();
  const delivery = new Delivery();
  const startedAt = process.hrtime.bigint();
  const requestLog: RequestRecord[] = [];
  const stats = newStats();
  const ctx: ApiContext = {
    data,
    versions: config.versions,
    sessionJson: new SessionJsonCache(),
    tokens,
    defects: config.defects,
    credentials: { username: config.username, password: config.password },
    stats,
    // Sub-millisecond, monotonic: sessions added in quick succession still fit before it.
    now: () => {
      const clock = config.now + (process.hrtime.bigint() - startedAt) / NS_PER_TICK;
      return clock > data.clock ? clock : data.clock;
    },
    ...(config.defects.has("eventAnySession") ? { servedEvents: new ServedEvents() } : {}),
  };

  /** Logs the request, lets a fault act on it, else routes it; then delivers the reply. */
  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    stats.requests++;
    const target = req.url ?? "/";
    const queryAt = target.indexOf("?");
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? "" : target.slice(queryAt + 1);
    if (isTokenPath(path)) stats.tokenRequests++;
    const method = req.method ?? "GET";
    const fault = faults.take(method, path, target);
    const record: RequestRecord = { method, path, query: Object.fromEntries(new URLSearchParams(query)) };
    if (fault) record.fault = fault.kind;
    requestLog.push(record);
    if (requestLog.length > MAX_LOG) requestLog.splice(0, requestLog.length - MAX_LOG);
    if (fault?.kind === "resetBeforeHeaders") return resetConnection(req.socket);
    const body = await readBody(req);
    if (body === undefined) {
      return delivery.deliver(req, res, errorReply(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
    }
    const handled =
      fault && REPLACING_KINDS.has(fault.kind)
        ? { reply: faultReply(fault, ctx, req.headers) }
        : handle(ctx, { method, path, query, headers: req.headers, body });
    if (handled.parsed) record.parsed = handled.parsed;
    record.status = deliveredStatus(handled.reply, fault);
    await delivery.deliver(req, res, handled.reply, fault);
  }

  const tls = options.https ? await (await import("./tls.js")).makeTlsMaterial() : undefined;
  // Idle kept-alive connections live 120 s, as on IIS (which serves the real API), instead
  // of Node's 5 s: a client that reads big pages slowly then rarely meets a connection the
  // server closed meanwhile. close() still ends every connection at once.
  const keepAlive = { keepAliveTimeout: 120_000 };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert, ...keepAlive }) : createHttpServer(keepAlive);
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch(() => {
      // A bug of ours must not take the test process down: answer 500 or drop the connection.
      try {
        if (res.headersSent) return void req.socket.destroy();
        const reply = json(500, { message: SERVER_ERROR_MESSAGE });
        res.writeHead(reply.status, reply.headers).end(reply.body);
      } catch {
        req.socket.destroy();
      }
    });
  });
  await listen(server, config.port, config.host);
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = config.host.includes(":") ? `[${config.host}]` : config.host;

  let closed: Promise<void> | undefined;
  const testServer: TestServer = {
    url: `${tls ? "https" : "http"}://${hostInUrl}:${port}`,
    port,
    credentials: { username: config.username, password: config.password },
    token: tokens.issue(config.username).access_token,
    stats,
    requestLog,
    faults,
    data: testDataOf(data),
    addSessions(count) {
      if (!Number.isInteger(count) || count < 0) throw new Error(`addSessions: count must be a whole number >= 0, got ${count}`);
      data.addSessions(count, ctx.now());
      // Time has passed for the data: a session that was running may have ended.
      ctx.sessionJson.clear();
    },
    expireTokens: () => tokens.expireAll(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        delivery.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
  if (tls) testServer.ca = tls.ca;
  return testServer;
}
