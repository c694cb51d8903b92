// From a request to a route: the path under /v6/ matched segment by segment (any case,
// ids decoded), the method checked (405 with Allow), the bearer token checked unless the
// route is open, and errors a handler throws turned into their replies.
import type { ApiContext, ApiRequest, Handled } from "./context.js";
import { parseQuery, type Query } from "./query.js";
import { methodNotAllowed, notFoundPath, replyForError, unauthorized } from "./reply.js";
import { getEvent, getOrganization, getSession, listEvents, listSessions, stopSession } from "./session-routes.js";
import { tokenRoute } from "./token-route.js";

interface Route {
  /** Lower-case segments after /v6/; `:id` matches any one segment. */
  pattern: string[];
  method: "GET" | "POST";
  /** Open without a bearer token (the token endpoint). */
  open?: boolean;
  handler: (ctx: ApiContext, request: ApiRequest, query: Query, ids: string[]) => Handled;
}

const ROUTES: Route[] = [
  { pattern: ["token"], method: "POST", open: true, handler: (ctx, request) => tokenRoute(ctx, request) },
  { pattern: ["restoresessions"], method: "GET", handler: (ctx, _r, query) => listSessions(ctx, query) },
  { pattern: ["restoresessions", ":id"], method: "GET", handler: (ctx, _r, _q, [id]) => getSession(ctx, id!) },
  { pattern: ["restoresessions", ":id", "stop"], method: "POST", handler: (ctx, _r, _q, [id]) => stopSession(ctx, id!) },
  { pattern: ["restoresessions", ":id", "events"], method: "GET", handler: (ctx, _r, query, [id]) => listEvents(ctx, id!, query) },
  {
    pattern: ["restoresessions", ":id", "events", ":id"],
    method: "GET",
    handler: (ctx, _r, _q, [id, eventId]) => getEvent(ctx, id!, eventId!),
  },
  {
    pattern: ["restoresessions", ":id", "organization"],
    method: "GET",
    handler: (ctx, _r, _q, [id]) => getOrganization(ctx, id!),
  },
];

/** Whether a path (no query) is the token endpoint's, in any case and with a trailing slash. */
export function isTokenPath(path: string): boolean {
  return /^\/v6\/token\/?$/i.test(path);
}

export function bearerToken(headers: ApiRequest["headers"]): string | undefined {
  const header = headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

function matchRoutes(segments: string[]): { routes: Route[]; ids: string[] } {
  const routes: Route[] = [];
  let ids: string[] = [];
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const found: string[] = [];
    const ok = route.pattern.every((part, i) => {
      if (part === ":id") {
        found.push(segments[i]!);
        return true;
      }
      return part === segments[i]!.toLowerCase();
    });
    if (ok) {
      routes.push(route);
      ids = found;
    }
  }
  return { routes, ids };
}

/** The path's segments, decoded; undefined when one is not valid percent-encoding. */
function splitPath(path: string): string[] | undefined {
  try {
    return path
      .replace(/\/+$/, "")
      .split("/")
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

export function handle(ctx: ApiContext, request: ApiRequest): Handled {
  const method = request.method.toUpperCase();
  const segments = splitPath(request.path);
  if (!segments || segments[0]?.toLowerCase() !== "v6") return { reply: notFoundPath(request.path) };
  const { routes, ids } = matchRoutes(segments.slice(1));
  if (routes.length === 0) return { reply: notFoundPath(request.path) };
  const route = routes.find((r) => r.method === method);
  if (!route) return { reply: methodNotAllowed(method, routes.map((r) => r.method).join(", ")) };
  if (!route.open && !ctx.defects.has("noAuth")) {
    const bearer = bearerToken(request.headers);
    if (!bearer || !ctx.tokens.isValid(bearer)) return { reply: unauthorized() };
  }
  try {
    return route.handler(ctx, request, parseQuery(request.query), ids);
  } catch (error) {
    const reply = replyForError(error);
    if (reply) return { reply };
    throw error;
  }
}
