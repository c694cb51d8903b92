// The dashboard's HTTP handler: the built page, and a narrow JSON API of four fixed routes.
// Anything else is refused; nothing from the request is forwarded to VBM365 as it came.
import type { IncomingMessage, ServerResponse } from "node:http";
import { writeHeader, type ConfigResponse, type SessionDetailsResponse } from "../shared/api.js";
import type { createWindowCache } from "./cache.js";
import { describeForLog, toSafeError } from "./errors.js";
import { setSecurityHeaders } from "./headers.js";
import { BadRequest, parseSessionId, parseSessionsQuery, readParams } from "./query.js";
import { summarize, toEventRow, toRow } from "./sessions.js";
import type { SessionSource } from "./source.js";
import type { StaticFile } from "./static.js";

export const requestLimits = { urlChars: 2048, bodyBytes: 1024 } as const;
export const eventsLimit = 2000;

export interface AppContext {
  source: SessionSource;
  cache: ReturnType<typeof createWindowCache>;
  files: Map<string, StaticFile>;
  allowStop: boolean;
  /** Host headers this server answers to; undefined accepts any (when bound beyond loopback). */
  allowedHosts: () => Set<string> | undefined;
  secrets: readonly string[];
  log: (line: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const sessionRoute = /^\/api\/sessions\/([^/]+)$/;
const stopRoute = /^\/api\/sessions\/([^/]+)\/stop$/;

export function createHandler(context: AppContext) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    try {
      checkRequest(req, context);
      await drainBody(req);
      const url = new URL(req.url ?? "/", "http://dashboard.invalid");
      if (url.pathname === "/api" || url.pathname.startsWith("/api/")) await routeApi(req, res, url, context);
      else serveStatic(req, res, url, context);
    } catch (error) {
      sendError(req, res, error, context);
    }
  };
}

async function routeApi(req: IncomingMessage, res: ServerResponse, url: URL, context: AppContext): Promise<void> {
  const { pathname, searchParams } = url;
  const method = req.method ?? "GET";
  if (pathname === "/api/config") {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    const body: ConfigResponse = { allowStop: context.allowStop };
    return sendJson(res, 200, body);
  }
  if (pathname === "/api/sessions") {
    allow(method, ["GET"]);
    const query = parseSessionsQuery(searchParams);
    const window = await context.cache.get(query.from, query.to);
    return sendJson(res, 200, summarize(window.sessions, query, window.fetchedAt));
  }
  const stop = stopRoute.exec(pathname);
  if (stop) {
    allow(method, ["POST"]);
    readParams(searchParams, []);
    checkWriteRequest(req);
    if (!context.allowStop) {
      throw new HttpError(403, "Stopping sessions is turned off on this dashboard; start it with DASHBOARD_ALLOW_STOP=1 to allow it.");
    }
    const id = parseSessionId(stop[1]!);
    await context.source.stop(id);
    context.cache.clear();
    return sendJson(res, 200, { stopped: id });
  }
  const details = sessionRoute.exec(pathname);
  if (details) {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    const id = parseSessionId(details[1]!);
    const [session, events] = await Promise.all([context.source.get(id), context.source.events(id, eventsLimit)]);
    const body: SessionDetailsResponse = {
      session: toRow(session),
      events: events.events.map(toEventRow),
      eventsTruncated: events.truncated,
      eventsLimit,
    };
    return sendJson(res, 200, body);
  }
  throw new HttpError(404, "No such API route. The dashboard answers /api/config, /api/sessions and /api/sessions/{id}.");
}

function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, context: AppContext): void {
  const file = context.files.get(url.pathname);
  if (!file) throw new HttpError(404, "Not found.");
  allow(req.method ?? "GET", ["GET", "HEAD"]);
  res.writeHead(200, {
    "Content-Type": file.type,
    "Content-Length": file.body.length,
    "Cache-Control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : file.body);
}

function checkRequest(req: IncomingMessage, context: AppContext): void {
  if ((req.url ?? "").length > requestLimits.urlChars) {
    throw new HttpError(414, `The request URL is longer than ${requestLimits.urlChars} characters.`);
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > requestLimits.bodyBytes) {
    throw new HttpError(413, `Request bodies are limited to ${requestLimits.bodyBytes} bytes.`);
  }
  // A page on another site that points a DNS name at 127.0.0.1 sends its own Host: refuse it.
  const hosts = context.allowedHosts();
  if (hosts && !hosts.has((req.headers.host ?? "").toLowerCase())) {
    throw new HttpError(421, "This dashboard answers only on its own address.");
  }
}

// Writes must come from the dashboard's own page: a custom header (which a cross-site form
// cannot add, and a cross-site script cannot send without a CORS preflight that we refuse)
// and, when the browser says where it came from, the same origin.
function checkWriteRequest(req: IncomingMessage): void {
  if (req.headers[writeHeader] !== "1") throw new HttpError(403, `Writes need the ${writeHeader} header.`);
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") throw new HttpError(403, "Writes must come from the dashboard's page.");
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) {
    throw new HttpError(403, "Writes must come from the dashboard's page.");
  }
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) {
    throw new HttpError(405, `Method ${method.slice(0, 10)} is not allowed here; use ${methods.join(" or ")}.`, {
      Allow: methods.join(", "),
    });
  }
}

function drainBody(req: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > requestLimits.bodyBytes) {
        req.removeAllListeners("data");
        reject(new HttpError(413, `Request bodies are limited to ${requestLimits.bodyBytes} bytes.`));
      }
    });
    req.on("end", () => resolve());
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

function sendError(req: IncomingMessage, res: ServerResponse, error: unknown, context: AppContext): void {
  const safe =
    error instanceof HttpError ? { status: error.status, message: error.message, headers: error.headers } : { ...toSafeError(error), headers: {} };
  if (safe.status >= 500 || (!(error instanceof HttpError) && !(error instanceof BadRequest))) {
    context.log(`dashboard: ${req.method} ${(req.url ?? "").split("?")[0]} -> ${safe.status}: ${describeForLog(error, context.secrets)}`);
  }
  if (res.headersSent) return void res.destroy();
  // After refusing an over-long body, stop reading the rest of it and end the connection.
  const tooLarge = safe.status === 413;
  sendJson(res, safe.status, { error: safe.message }, tooLarge ? { ...safe.headers, Connection: "close" } : safe.headers);
  if (tooLarge) res.once("finish", () => req.destroy());
}
