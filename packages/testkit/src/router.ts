// From a request to a route: the path under /v6/, /v7/ or /v8/ (the versions the server
// offers) matched segment by segment (any case, ids decoded), the method checked (405 with
// Allow), the bearer token checked unless the route is open, errors a handler throws turned
// into their replies, and error bodies given their version's extra fields.
import type { ApiContext, ApiRequest, Handled } from "./context.js";
import { parseQuery, type Query } from "./query.js";
import { methodNotAllowed, notFoundPath, replyForError, unauthorized } from "./reply.js";
import { getEvent, getOrganization, getSession, getStatistics, listEvents, listSessions, stopSession } from "./session-routes.js";
import { tokenRoute } from "./token-route.js";
import { atLeast, errorFields, type ApiVersion } from "./versions.js";

/** What a handler gets besides the context. */
interface RouteInput {
  request: ApiRequest;
  query: Query;
  /** The path's `:id` segments, in order. */
  ids: string[];
  version: ApiVersion;
}

interface Route {
  /** Lower-case segments after /vN/; `:id` matches any one segment. */
  pattern: string[];
  method: "GET" | "POST";
  /** Open without a bearer token (the token endpoint). */
  open?: boolean;
  /** The first version that has it (default v6). */
  since?: ApiVersion;
  handler: (ctx: ApiContext, input: RouteInput) => Handled;
}

const ROUTES: Route[] = [
  { pattern: ["token"], method: "POST", open: true, handler: (ctx, { request }) => tokenRoute(ctx, request) },
  { pattern: ["restoresessions"], method: "GET", handler: (ctx, { query, version }) => listSessions(ctx, query, version) },
  { pattern: ["restoresessions", ":id"], method: "GET", handler: (ctx, { ids: [id], version }) => getSession(ctx, id!, version) },
  { pattern: ["restoresessions", ":id", "stop"], method: "POST", handler: (ctx, { ids: [id], version }) => stopSession(ctx, id!, version) },
  {
    pattern: ["restoresessions", ":id", "events"],
    method: "GET",
    handler: (ctx, { ids: [id], query, version }) => listEvents(ctx, id!, query, version),
  },
  {
    pattern: ["restoresessions", ":id", "events", ":id"],
    method: "GET",
    handler: (ctx, { ids: [id, eventId], version }) => getEvent(ctx, id!, eventId!, version),
  },
  {
    pattern: ["restoresessions", ":id", "organization"],
    method: "GET",
    handler: (ctx, { ids: [id], version }) => getOrganization(ctx, id!, version),
  },
  {
    pattern: ["restoresessions", ":id", "statistics"],
    method: "GET",
    since: "v8",
    handler: (ctx, { ids: [id] }) => getStatistics(ctx, id!),
  },
];

/** Whether a path (no query) is the token endpoint's, in any case and with a trailing slash. */
export function isTokenPath(path: string): boolean {
  return /^\/v\d+\/token\/?$/i.test(path);
}

export function bearerToken(headers: ApiRequest["headers"]): string | undefined {
  const header = headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

function matchRoutes(segments: string[], version: ApiVersion): { routes: Route[]; ids: string[] } {
  const routes: Route[] = [];
  let ids: string[] = [];
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length || !atLeast(version, route.since ?? "v6")) continue;
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

/** The version a path's first segment names, when this server serves it. */
function servedVersion(ctx: ApiContext, segment: string | undefined): ApiVersion | undefined {
  const version = segment?.toLowerCase() as ApiVersion | undefined;
  return version !== undefined && ctx.versions.has(version) ? version : undefined;
}

/** v7 and v8 error bodies carry their version's extra fields (`errorCode`, `stackTrace`). */
function withVersionFields(handled: Handled, version: ApiVersion): Handled {
  const { reply } = handled;
  if (reply.status < 400 || version === "v6" || !reply.body) return handled;
  const body = { ...(JSON.parse(reply.body) as object), ...errorFields(version, reply.status) };
  return { ...handled, reply: { ...reply, body: JSON.stringify(body) } };
}

export function handle(ctx: ApiContext, request: ApiRequest): Handled {
  const segments = splitPath(request.path);
  const version = servedVersion(ctx, segments?.[0]);
  if (!segments || !version) return { reply: notFoundPath(request.path) };
  return withVersionFields(route(ctx, request, segments.slice(1), version), version);
}

function route(ctx: ApiContext, request: ApiRequest, segments: string[], version: ApiVersion): Handled {
  const method = request.method.toUpperCase();
  const { routes, ids } = matchRoutes(segments, version);
  if (routes.length === 0) return { reply: notFoundPath(request.path) };
  const found = routes.find((r) => r.method === method);
  if (!found) return { reply: methodNotAllowed(method, routes.map((r) => r.method).join(", ")) };
  if (!found.open && !ctx.defects.has("noAuth")) {
    const bearer = bearerToken(request.headers);
    if (!bearer || !ctx.tokens.isValid(bearer)) return { reply: unauthorized() };
  }
  try {
    return found.handler(ctx, { request, query: parseQuery(request.query), ids, version });
  } catch (error) {
    const reply = replyForError(error);
    if (reply) return { reply };
    throw error;
  }
}
