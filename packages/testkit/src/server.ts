// startTestServer: the seeded data, the routes, tokens, faults and defects behind a
// loopback node:http or node:https server.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import {
  bearerToken,
  errorReply,
  handle,
  json,
  ServedEvents,
  SessionJsonCache,
  unauthorized,
  type ApiContext,
  type ApiStats,
  type ParsedQuery,
  type Reply,
} from "./api.js";
import { Dataset, MAX_SESSIONS } from "./data.js";
import { checkDefects, type Defect } from "./defects.js";
import { FaultRegistry, REPLACING_KINDS, type FaultController, type FaultKind, type FaultSpec } from "./faults.js";
import { TICKS_PER_MS, toTicks, type Ticks } from "./time.js";
import { TOKEN_DATES, TokenStore, type TokenDates } from "./tokens.js";
import type { BackupOrganization, RestoreSession, RestoreSessionEvent } from "./types.js";

export interface TestServerOptions {
  /** How many sessions exist at start (default 100; 0 to hundreds of billions, all computed lazily). */
  sessions?: number;
  /** The seed the data is derived from (default 1). */
  seed?: number;
  /** Port to listen on (default 0: a free port). */
  port?: number;
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS with a CA and certificate made at start-up (the CA is `server.ca`). */
  https?: boolean;
  /** Default `testkit-admin`. */
  username?: string;
  /** Default `testkit-password`. */
  password?: string;
  /** Lifetime of access tokens in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Reference time: the newest session starts shortly before it (default: the start-up time). */
  now?: Date | string;
  /**
   * How `.issued` and `.expires` of a token answer are written: `iso8601` (default), as the
   * vendor's document declares (`2026-11-30T09:45:59.000Z`), or `rfc1123`
   * (`Mon, 30 Nov 2026 09:45:59 GMT`), as servers of this kind are known to write them.
   */
  tokenDates?: TokenDates;
  /** Deliberate contract violations (see `Defect`). */
  defects?: Defect[];
}

export interface TestServerStats {
  /** Every request received, faulted ones included. */
  requests: number;
  /** Requests to POST /v6/Token, faulted ones included. */
  tokenRequests: number;
  /** Token requests the server answered itself, by grant type. */
  byGrant: { password: number; refresh_token: number };
  reset(): void;
}

export interface StartTimeFilter {
  startTimeFrom?: Date | string;
  startTimeTo?: Date | string;
}

/** The server's data as tests see it. `index` is the position in the newest-first list. */
export interface TestData {
  sessionCount(): number;
  /** The ids a complete walk must yield, newest first (from <= creationTime <= to). */
  sessionIds(filter?: StartTimeFilter): Iterable<string>;
  session(index: number): RestoreSession;
  events(index: number): RestoreSessionEvent[];
  organization(index: number): BackupOrganization;
  /** Position of a session id in the list, or -1. */
  indexOf(id: string): number;
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

export const DEFAULT_USERNAME = "testkit-admin";
export const DEFAULT_PASSWORD = "testkit-password";
const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_DELAY_MS = 2000;
const MAX_LOG = 1000;

function fail(message: string): never {
  throw new Error(`startTestServer: ${message}`);
}

function checkOptions(options: TestServerOptions) {
  const sessions = options.sessions ?? 100;
  if (!Number.isInteger(sessions) || sessions < 0 || sessions > MAX_SESSIONS) {
    fail(`sessions must be a whole number from 0 to ${MAX_SESSIONS}, got ${String(options.sessions)}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) fail(`seed must be a whole number, got ${String(options.seed)}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`port must be 0-65535, got ${String(options.port)}`);
  const host = options.host ?? "127.0.0.1";
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^::1$|^localhost$/.test(host)) {
    fail(`host must be a loopback address (127.0.0.1, ::1, localhost), got "${host}"`);
  }
  const ttl = options.tokenTtlSeconds ?? 3600;
  if (!(typeof ttl === "number" && Number.isFinite(ttl) && ttl > 0)) {
    fail(`tokenTtlSeconds must be a number above 0, got ${String(options.tokenTtlSeconds)}`);
  }
  const username = options.username ?? DEFAULT_USERNAME;
  const password = options.password ?? DEFAULT_PASSWORD;
  if (!username || typeof username !== "string") fail("username must be a non-empty string");
  if (!password || typeof password !== "string") fail("password must be a non-empty string");
  let now: Ticks;
  try {
    now = options.now === undefined ? BigInt(Date.now()) * TICKS_PER_MS : toTicks(options.now, "now");
  } catch (error) {
    fail((error as Error).message);
  }
  const tokenDates = options.tokenDates ?? "iso8601";
  if (!(TOKEN_DATES as readonly string[]).includes(tokenDates)) {
    fail(`tokenDates must be one of ${TOKEN_DATES.join(", ")}, got ${JSON.stringify(options.tokenDates)}`);
  }
  let defects: Set<Defect>;
  try {
    defects = checkDefects(options.defects ?? []);
  } catch (error) {
    fail((error as Error).message);
  }
  return { sessions, seed, port, host, ttl, username, password, now, tokenDates, defects };
}

/**
 * Resets the TCP connection (RST). A TLS socket cannot be reset itself: the TCP socket
 * under it is, and the TLS socket is destroyed a tick later so the HTTP server forgets it.
 */
function resetConnection(socket: Socket): void {
  const tcp = (socket as Socket & { _parent?: Socket })._parent;
  if (tcp) {
    tcp.resetAndDestroy();
    setImmediate(() => socket.destroy());
  } else {
    socket.resetAndDestroy();
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
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

const STATUS_MESSAGES: Record<number, string> = {
  500: "An error has occurred.",
  502: "Bad gateway.",
  503: "The service is unavailable.",
  504: "The gateway timed out.",
  429: "Too many requests. Try again later.",
};

function htmlPage(status: number): string {
  const title = `${status} ${status === 200 ? "OK" : status === 502 ? "Bad Gateway" : "Error"}`;
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The proxy could not reach the backup server.</p><hr><address>nginx</address></body></html>\n`;
}

/** The answer a replacing fault gives instead of the route. */
function faultReply(fault: Readonly<FaultSpec>, ctx: ApiContext, req: IncomingMessage): Reply {
  switch (fault.kind) {
    case "retryAfter":
      return errorReply(429, STATUS_MESSAGES[429]!, { "retry-after": fault.retryAfter ?? "1" });
    case "html": {
      const status = fault.status ?? 502;
      return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: htmlPage(status) };
    }
    case "unauthorized": {
      // As if the token expired: the same token keeps failing afterwards.
      const presented = bearerToken(req.headers);
      if (presented) ctx.tokens.expire(presented);
      return unauthorized();
    }
    default: {
      const status = fault.status ?? 500;
      const extra: Record<string, string> = fault.retryAfter ? { "retry-after": fault.retryAfter } : {};
      return errorReply(status, STATUS_MESSAGES[status] ?? `Injected fault: HTTP ${status}.`, extra);
    }
  }
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = checkOptions(options);
  const data = new Dataset(config.seed, config.sessions, config.now);
  const tokens = new TokenStore(config.ttl, config.tokenDates);
  const faults = new FaultRegistry();
  const startedAt = Date.now();
  const requestLog: RequestRecord[] = [];
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
  const ctx: ApiContext = {
    data,
    sessionJson: new SessionJsonCache(),
    ...(config.defects.has("eventAnySession") ? { servedEvents: new ServedEvents() } : {}),
    tokens,
    defects: config.defects,
    credentials: { username: config.username, password: config.password },
    stats: stats as ApiStats,
    now: () => config.now + BigInt(Date.now() - startedAt) * TICKS_PER_MS,
  };

  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });

  async function deliver(req: IncomingMessage, res: ServerResponse, reply: Reply, fault?: Readonly<FaultSpec>) {
    let body = Buffer.from(reply.body ?? "", "utf8");
    let status = reply.status;
    const headers: Record<string, string> = { ...reply.headers };
    if (fault?.kind === "malformedJson") {
      status = fault.status ?? 200;
      headers["content-type"] = "application/json; charset=utf-8";
      const text = reply.body && reply.body.length > 2 ? reply.body : '{"message":"An error has occurred."}';
      body = Buffer.from(`${text.slice(0, Math.ceil(text.length / 2))},,}`, "utf8");
    }
    headers["content-length"] = String(body.length);
    const gone = () => res.destroyed || req.socket.destroyed;
    switch (fault?.kind) {
      case "delayHeaders":
        await sleep(fault.delayMs ?? DEFAULT_DELAY_MS);
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
          await sleep((fault.delayMs ?? DEFAULT_DELAY_MS) / pieces);
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
          void sleep(20).then(() => {
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

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    stats.requests++;
    const target = req.url ?? "/";
    const queryAt = target.indexOf("?");
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? "" : target.slice(queryAt + 1);
    if (/^\/v6\/token\/?$/i.test(path)) stats.tokenRequests++;
    const method = req.method ?? "GET";
    const fault = faults.take(method, path, target);
    const record: RequestRecord = { method, path, query: Object.fromEntries(new URLSearchParams(query)) };
    if (fault) record.fault = fault.kind;
    requestLog.push(record);
    if (requestLog.length > MAX_LOG) requestLog.splice(0, requestLog.length - MAX_LOG);
    if (fault?.kind === "resetBeforeHeaders") {
      resetConnection(req.socket);
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      await deliver(req, res, errorReply(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
      return;
    }
    ctx.parsed = undefined;
    const reply =
      fault && REPLACING_KINDS.has(fault.kind)
        ? faultReply(fault, ctx, req)
        : handle(ctx, { method, path, query, headers: req.headers, body });
    if (ctx.parsed) record.parsed = ctx.parsed;
    record.status = fault?.kind === "malformedJson" ? (fault.status ?? 200) : reply.status;
    await deliver(req, res, reply, fault);
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
        const reply = json(500, { message: "An error has occurred." });
        res.writeHead(reply.status, reply.headers).end(reply.body);
      } catch {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = config.host.includes(":") ? `[${config.host}]` : config.host;

  const position = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= data.total) {
      throw new RangeError(`session index ${index} is outside 0..${data.total - 1}`);
    }
    return data.keyAt(index);
  };

  const testData: TestData = {
    sessionCount: () => data.total,
    sessionIds(filter = {}) {
      const from = filter.startTimeFrom === undefined ? undefined : toTicks(filter.startTimeFrom, "startTimeFrom");
      const to = filter.startTimeTo === undefined ? undefined : toTicks(filter.startTimeTo, "startTimeTo");
      const [start, end] = data.range(from, to);
      const keyAt = (p: number) => data.keyAt(p);
      const idOf = (k: number) => data.sessionId(k);
      return {
        *[Symbol.iterator]() {
          for (let p = start; p < end; p++) yield idOf(keyAt(p));
        },
      };
    },
    session: (index) => data.session(position(index)),
    events(index) {
      const key = position(index);
      return Array.from({ length: data.eventCount(key) }, (_, i) => data.event(key, i));
    },
    organization: (index) => data.organization(position(index)),
    indexOf(id) {
      const key = data.keyOfId(id);
      return key === undefined ? -1 : data.positionOf(key);
    },
  };

  let closed: Promise<void> | undefined;
  const testServer: TestServer = {
    url: `${tls ? "https" : "http"}://${hostInUrl}:${port}`,
    port,
    credentials: { username: config.username, password: config.password },
    token: tokens.issue(config.username).access_token,
    stats,
    requestLog,
    faults,
    data: testData,
    addSessions(count) {
      if (!Number.isInteger(count) || count < 0) throw new Error(`addSessions: count must be a whole number >= 0, got ${count}`);
      data.addSessions(count, ctx.now());
      // Time has passed for the data: a session that was running may have ended.
      ctx.sessionJson.clear();
    },
    expireTokens: () => tokens.expireAll(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const entry of timers) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
  if (tls) testServer.ca = tls.ca;
  return testServer;
}

