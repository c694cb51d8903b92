// The dashboard's HTTP handler: checks who asks (guard.ts), then the built page or the
// JSON API (routes.ts). Anything else is refused.
import { redactText } from "@vbm365/client";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describeForLog, toSafeError } from "./errors.js";
import { checkAccessToken, checkHost, checkSameOrigin, type HostAllowlist } from "./guard.js";
import { setSecurityHeaders } from "./headers.js";
import { HttpError } from "./http-error.js";
import { BadRequest } from "./query.js";
import { allow, routeApi, sendJson, type ApiContext } from "./routes.js";
import type { StaticFile } from "./static.js";

export const requestLimits = { urlChars: 2048, bodyBytes: 1024 } as const;
export { eventsLimit } from "./routes.js";

export interface AppContext extends ApiContext {
  files: Map<string, StaticFile>;
  /** Host headers this server answers to (known once the port is). */
  allowedHosts: () => HostAllowlist;
  /** Required on every API request when set (DASHBOARD_ACCESS_TOKEN). */
  accessToken: string | undefined;
  secrets: readonly (string | undefined)[];
  log: (line: string) => void;
}

export function createHandler(context: AppContext) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // Aborts when the client goes away before its answer: a window load for it may stop.
    const gone = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      checkRequest(req, context);
      await drainBody(req);
      const url = new URL(req.url ?? "/", "http://dashboard.invalid");
      if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
        checkSameOrigin(req);
        checkAccessToken(req, context.accessToken);
        await routeApi(req, res, url, gone.signal, context);
      } else serveStatic(req, res, url, context);
    } catch (error) {
      sendError(req, res, error, context);
    }
  };
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
  checkHost(req, context.allowedHosts());
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

function sendError(req: IncomingMessage, res: ServerResponse, error: unknown, context: AppContext): void {
  const known = error instanceof HttpError;
  const safe = known ? { status: error.status, message: error.message } : toSafeError(error);
  if (safe.status >= 500 || (!known && !(error instanceof BadRequest))) {
    // The path only: a query string is never logged, whatever it holds.
    const path = redactText((req.url ?? "").split("?")[0] ?? "", context.secrets);
    context.log(`dashboard: ${req.method} ${path} -> ${safe.status}: ${describeForLog(error, context.secrets)}`);
  }
  if (res.headersSent || res.destroyed) return void res.destroy();
  // After refusing an over-long body, stop reading the rest of it and end the connection.
  const tooLarge = safe.status === 413;
  const headers = known ? error.headers : {};
  const body = { ...(known ? error.details : {}), error: safe.message };
  sendJson(res, safe.status, body, tooLarge ? { ...headers, Connection: "close" } : headers);
  if (tooLarge) res.once("finish", () => req.destroy());
}
