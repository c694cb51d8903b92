// The JSON API: six fixed routes. Nothing from the request is forwarded to VBM365 as it
// came; every value is parsed and bounded first (query.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConfigResponse, ServersResponse, SessionDetailsResponse } from "../shared/api.js";
import { HttpError } from "./http-error.js";
import { parseSessionId, parseSessionsQuery, readParams, type SessionsQuery } from "./query.js";
import { summarize, toEventRow, toRow } from "./sessions.js";
import { WindowTooLarge, type SessionSource } from "./source.js";
import { dashboardVersion, isReportRoute, routeReport } from "./report-route.js";
import { statisticsAnswer, versionAnswer } from "./version-routes.js";
import type { FleetSource } from "./fleet-source.js";
import type { WindowStore } from "./windows.js";

export const eventsLimit = 2000;

export interface ApiContext {
  source: SessionSource;
  windows: WindowStore;
  allowStop: boolean;
  /** The configured servers, when the dashboard shows a fleet. */
  fleet?: FleetSource;
}

const sessionRoute = /^\/api\/sessions\/([^/]+)$/;
const stopRoute = /^\/api\/sessions\/([^/]+)\/stop$/;
const statisticsRoute = /^\/api\/sessions\/([^/]+)\/statistics$/;

/**
 * Answers one API request. `gone` aborts when the client closes the request before its
 * answer, so a window load that nobody waits for any more stops.
 */
export async function routeApi(req: IncomingMessage, res: ServerResponse, url: URL, gone: AbortSignal, context: ApiContext): Promise<void> {
  const { pathname, searchParams } = url;
  const method = req.method ?? "GET";
  if (isReportRoute(pathname)) return routeReport(method, res, url, gone, context, dashboardVersion());
  if (pathname === "/api/config") {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    const body: ConfigResponse = { allowStop: context.allowStop, ...(context.fleet ? { servers: [...context.fleet.names] } : {}) };
    return sendJson(res, 200, body);
  }
  if (pathname === "/api/servers" && context.fleet) {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    return sendJson(res, 200, { servers: context.fleet.health() } satisfies ServersResponse);
  }
  if (pathname === "/api/version") {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    return sendJson(res, 200, await versionAnswer(context.source));
  }
  if (pathname === "/api/sessions") {
    allow(method, ["GET"]);
    const query = parseSessionsQuery(searchParams);
    const read = await context.windows.get(query.from, query.to, gone).catch((error: unknown) => {
      throw error instanceof WindowTooLarge ? tooLarge(error, query) : error;
    });
    return sendJson(res, 200, summarize(read, query));
  }
  const stop = stopRoute.exec(pathname);
  if (stop) {
    allow(method, ["POST"]);
    readParams(searchParams, []);
    if (!context.allowStop) {
      throw new HttpError(403, "Stopping sessions is turned off on this dashboard; start it with DASHBOARD_ALLOW_STOP=1 to allow it.");
    }
    const id = parseSessionId(stop[1]!);
    await context.source.stop(id);
    context.windows.clear();
    return sendJson(res, 200, { stopped: id });
  }
  const statistics = statisticsRoute.exec(pathname);
  if (statistics) {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    const id = parseSessionId(statistics[1]!);
    return sendJson(res, 200, await statisticsAnswer(context.source, id, gone));
  }
  const details = sessionRoute.exec(pathname);
  if (details) {
    allow(method, ["GET"]);
    readParams(searchParams, []);
    const id = parseSessionId(details[1]!);
    const [session, events] = await Promise.all([context.source.get(id, gone), context.source.events(id, eventsLimit, gone)]);
    const body: SessionDetailsResponse = {
      session: toRow(session),
      events: events.events.map(toEventRow),
      eventsTruncated: events.truncated,
      eventsLimit,
    };
    return sendJson(res, 200, body);
  }
  throw new HttpError(
    404,
    "No such API route. The dashboard answers /api/config, /api/version, /api/sessions, /api/sessions/{id}, /api/sessions/{id}/statistics, /api/report and /api/report/html.",
  );
}

/**
 * 422 with a narrower window the page offers to open: from the oldest session read before
 * the cap (VBM365 lists newest first, so that part held less than the cap), and at most
 * half the asked window.
 */
function tooLarge(error: WindowTooLarge, query: SessionsQuery): HttpError {
  const half = query.to.getTime() - (query.to.getTime() - query.from.getTime()) / 2;
  const oldest = error.oldestSeen && error.oldestSeen.getTime() < query.to.getTime() ? error.oldestSeen.getTime() + 60_000 : half;
  const narrower = { from: new Date(Math.max(half, oldest)).toISOString(), to: query.to.toISOString() };
  return new HttpError(422, error.message, {}, { narrower });
}

export function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) {
    throw new HttpError(405, `Method ${method.slice(0, 10)} is not allowed here; use ${methods.join(" or ")}.`, {
      Allow: methods.join(", "),
    });
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}
