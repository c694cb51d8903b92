// The v6 RestoreSessions routes: a request in, a reply out. No sockets here, so the fault
// layer can decide afterwards how (and whether) the reply reaches the client.
import type { Dataset } from "./data.js";
import { breakSession, type Defect } from "./defects.js";
import { isUuid } from "./ids.js";
import { formatUtcTicks, parseInstant, type Ticks } from "./time.js";
import type { TokenStore } from "./tokens.js";

export interface ApiRequest {
  method: string;
  /** The path as sent, without the query. */
  path: string;
  /** The query string without `?`. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ApiStats {
  requests: number;
  tokenRequests: number;
  byGrant: { password: number; refresh_token: number };
}

/**
 * Rendered session JSON by key, bounded: many clients walking the same sessions (load
 * tests) then cost one render each, while a million-session walk still holds at most
 * MAX_ENTRIES strings. Stop invalidates its session.
 */
export class SessionJsonCache {
  static readonly MAX_ENTRIES = 20_000;
  private readonly entries = new Map<number, string>();

  get(key: number, render: () => string): string {
    let json = this.entries.get(key);
    if (json === undefined) {
      json = render();
      if (this.entries.size >= SessionJsonCache.MAX_ENTRIES) {
        this.entries.delete(this.entries.keys().next().value as number);
      }
      this.entries.set(key, json);
    }
    return json;
  }

  delete(key: number): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface ApiContext {
  data: Dataset;
  sessionJson: SessionJsonCache;
  tokens: TokenStore;
  defects: ReadonlySet<Defect>;
  credentials: { username: string; password: string };
  stats: ApiStats;
  /** The data's notion of now (reference time plus the time the server has run). */
  now(): Ticks;
  /**
   * With the eventAnySession defect: the events served so far by id, so a later get can
   * find one under any session, as a server that looks events up by id alone would.
   */
  servedEvents?: ServedEvents;
  /** Set by the list routes to the paging and filter values they understood. */
  parsed?: ParsedQuery;
}

/** What a list route understood from its query; instants as UTC with seven digits. */
export interface ParsedQuery {
  offset: number;
  limit: number;
  startTimeFrom?: string;
  startTimeTo?: string;
}

/** Event ids served, bounded like SessionJsonCache (oldest forgotten first). */
export class ServedEvents {
  static readonly MAX_ENTRIES = 100_000;
  private readonly entries = new Map<string, { key: number; index: number }>();

  remember(id: string, key: number, index: number): void {
    if (this.entries.size >= ServedEvents.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id.toLowerCase(), { key, index });
  }

  find(id: string): { key: number; index: number } | undefined {
    return this.entries.get(id.toLowerCase());
  }
}

function eventText(ctx: ApiContext, key: number, index: number): string {
  const event = ctx.data.event(key, index);
  ctx.servedEvents?.remember(event.id, key, index);
  return JSON.stringify(event);
}

export const JSON_TYPE = "application/json; charset=utf-8";
const NIL_UUID = "00000000-0000-0000-0000-000000000000";
const MAX_LIMIT = 10_000;
const MAX_OFFSET = 2_147_483_647;
const DEFAULT_LIMIT = 30;
// The spec's bounds on the token form (maxLength).
const MAX_CREDENTIAL = 1024;
const MAX_REFRESH_TOKEN = 8192;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { message }, headers);
}

export const UNAUTHORIZED_MESSAGE = "Authorization has been denied for this request.";

export function unauthorized(): Reply {
  return errorReply(401, UNAUTHORIZED_MESSAGE, { "www-authenticate": 'Bearer realm="vbm365-testkit"' });
}

/** A 400 reply, thrown from parameter parsing. */
class BadRequest extends Error {}

type Query = Map<string, string>;

function parseQuery(raw: string): Query {
  const query: Query = new Map();
  for (const [name, value] of new URLSearchParams(raw)) {
    const key = name.toLowerCase();
    if (query.has(key)) throw new BadRequest(`The query parameter "${name}" was given more than once.`);
    query.set(key, value);
  }
  return query;
}

function intParam(query: Query, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return fallback;
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new BadRequest(`The value "${raw}" is not valid for ${name}: use a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Answered as a 500, as a server that crashes on the input would. */
class ServerFault extends Error {}

/** A date-time that ends in an offset such as +03:00 or -00:00 (not Z). */
const OFFSET_ZONE = /[+-]\d{2}:\d{2}$/;

function dateParam(ctx: ApiContext, query: Query, name: string): Ticks | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  if (ctx.defects.has("offsetDate500") && OFFSET_ZONE.test(raw)) throw new ServerFault(raw);
  const ticks = parseInstant(raw);
  if (ticks === undefined) {
    throw new BadRequest(`The value "${raw}" is not valid for ${name}: use an ISO 8601 date-time such as 2022-03-12T15:55:20.8557416Z.`);
  }
  return ticks;
}

function bearerToken(headers: ApiRequest["headers"]): string | undefined {
  const header = headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

function pageLinks(ctx: ApiContext, base: string, extra: string, offset: number, limit: number, total: number) {
  const href = (at: number, keep = extra) => ({ href: `${base}?offset=${at}&limit=${limit}${keep}` });
  const endless = ctx.defects.has("endlessNext");
  const links: Record<string, { href: string }> = {};
  if (total > limit || offset > 0) {
    links.first = href(0);
    if (offset > 0) links.prev = href(Math.max(0, offset - limit));
  }
  if (offset + limit < total || endless) links.next = href(offset + limit, ctx.defects.has("nextDropsFilter") ? "" : extra);
  links.self = href(offset);
  return links;
}

interface PageInput {
  base: string;
  extra: string;
  offset: number;
  limit: number;
  total: number;
  /** The JSON text of the item at this index. */
  item: (index: number) => string;
}

function page(ctx: ApiContext, input: PageInput): Reply {
  const { offset, limit, total } = input;
  const results: string[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) results.push(input.item(i));
  if (ctx.defects.has("repeatId") && offset > 0 && results.length > 0 && offset - 1 < total) {
    results[0] = input.item(offset - 1);
  }
  const links = pageLinks(ctx, input.base, input.extra, offset, limit, total);
  const limitValue = ctx.defects.has("wrongType") ? String(limit) : limit;
  // Assembled by hand so the items' cached JSON is reused as it is.
  const body =
    `{"offset":${offset},"limit":${JSON.stringify(limitValue)},"results":[${results.join(",")}],` +
    `"setId":"${NIL_UUID}","_links":${JSON.stringify(links)}}`;
  return { status: 200, headers: { "content-type": JSON_TYPE }, body };
}

function sessionText(ctx: ApiContext, key: number): string {
  return ctx.sessionJson.get(key, () => JSON.stringify(breakSession(ctx.data.session(key), ctx.defects)));
}

function sessionKey(ctx: ApiContext, rawId: string): number {
  if (!isUuid(rawId)) throw new BadRequest(`The value "${rawId}" is not valid for restoreSessionId.`);
  const key = ctx.data.keyOfId(rawId);
  if (key === undefined) throw new NotFound(`Restore session with ID ${rawId} not found.`);
  return key;
}

class NotFound extends Error {}

function listSessions(ctx: ApiContext, query: Query): Reply {
  const from = dateParam(ctx, query, "startTimeFrom");
  const to = dateParam(ctx, query, "startTimeTo");
  const offset = intParam(query, "offset", 0, MAX_OFFSET, 0);
  const limit = intParam(query, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  ctx.parsed = {
    offset,
    limit,
    ...(from === undefined ? {} : { startTimeFrom: formatUtcTicks(from) }),
    ...(to === undefined ? {} : { startTimeTo: formatUtcTicks(to) }),
  };
  const [start, end] = ctx.data.range(from, to);
  let extra = "";
  for (const name of ["startTimeFrom", "startTimeTo"]) {
    const value = query.get(name.toLowerCase());
    if (value !== undefined) extra += `&${name}=${encodeURIComponent(value)}`;
  }
  return page(ctx, {
    base: "/v6/RestoreSessions",
    extra,
    offset,
    limit,
    total: end - start,
    item: (i) => sessionText(ctx, ctx.data.keyAt(start + i)),
  });
}

function listEvents(ctx: ApiContext, key: number, rawId: string, query: Query): Reply {
  const offset = intParam(query, "offset", 0, MAX_OFFSET, 0);
  const limit = intParam(query, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  ctx.parsed = { offset, limit };
  return page(ctx, {
    base: `/v6/RestoreSessions/${rawId}/Events`,
    extra: "",
    offset,
    limit,
    total: ctx.data.eventCount(key),
    item: (i) => eventText(ctx, key, i),
  });
}

/**
 * The token request's fields, from a form body or (as the vendor also accepts) a JSON
 * object of strings; a string is the reason the body was refused.
 */
function tokenFields(request: ApiRequest): { get(name: string): string | null } | string {
  const contentType = String(request.headers["content-type"] ?? "");
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) return new URLSearchParams(request.body);
  if (!/^application\/json\b/i.test(contentType)) {
    return "The token request must be sent as application/x-www-form-urlencoded or application/json.";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    return "The token request body is not valid JSON.";
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return "The token request body must be a JSON object.";
  const fields = parsed as Record<string, unknown>;
  const wrong = Object.keys(fields).find((name) => typeof fields[name] !== "string");
  if (wrong) return `The token request field "${wrong}" must be a string.`;
  return { get: (name) => (typeof fields[name] === "string" ? fields[name] : null) };
}

function token(ctx: ApiContext, request: ApiRequest): Reply {
  const form = tokenFields(request);
  if (typeof form === "string") return errorReply(400, form);
  const grant = form.get("grant_type");
  if (grant === "password") {
    ctx.stats.byGrant.password++;
    const username = form.get("username");
    const password = form.get("password");
    if (!username || !password) return errorReply(400, "The password grant needs username and password.");
    if (username.length > MAX_CREDENTIAL || password.length > MAX_CREDENTIAL) {
      return errorReply(400, `username and password may hold at most ${MAX_CREDENTIAL} characters.`);
    }
    if (username !== ctx.credentials.username || password !== ctx.credentials.password) {
      return errorReply(401, "The user name or password is incorrect.");
    }
    return json(200, ctx.tokens.issue(username), { "cache-control": "no-store" });
  }
  if (grant === "refresh_token") {
    ctx.stats.byGrant.refresh_token++;
    const refreshToken = form.get("refresh_token");
    if (!refreshToken) return errorReply(400, "The refresh_token grant needs refresh_token.");
    if (refreshToken.length > MAX_REFRESH_TOKEN) {
      return errorReply(400, `refresh_token may hold at most ${MAX_REFRESH_TOKEN} characters.`);
    }
    const user = ctx.tokens.refreshUser(refreshToken);
    if (user === undefined) return errorReply(401, "The refresh token is invalid or has expired.");
    return json(200, ctx.tokens.issue(user), { "cache-control": "no-store" });
  }
  if (!grant) return errorReply(400, "grant_type is required: use password or refresh_token.");
  return errorReply(400, `The grant type "${grant}" is not supported: use password or refresh_token.`);
}

type Handler = (ctx: ApiContext, request: ApiRequest, query: Query, ids: string[]) => Reply;

interface Route {
  /** Lower-case segments after /v6/; `:id` matches any one segment. */
  pattern: string[];
  method: "GET" | "POST";
  handler: Handler;
}

const ROUTES: Route[] = [
  { pattern: ["restoresessions"], method: "GET", handler: (ctx, _r, query) => listSessions(ctx, query) },
  {
    pattern: ["restoresessions", ":id"],
    method: "GET",
    handler: (ctx, _r, _q, [id]) => ({
      status: 200,
      headers: { "content-type": JSON_TYPE },
      body: sessionText(ctx, sessionKey(ctx, id!)),
    }),
  },
  {
    pattern: ["restoresessions", ":id", "stop"],
    method: "POST",
    handler: (ctx, _r, _q, [id]) => {
      const key = sessionKey(ctx, id!);
      ctx.data.stop(key, ctx.now());
      ctx.sessionJson.delete(key);
      return { status: 200, headers: { "content-length": "0" }, body: "" };
    },
  },
  {
    pattern: ["restoresessions", ":id", "events"],
    method: "GET",
    handler: (ctx, _r, query, [id]) => listEvents(ctx, sessionKey(ctx, id!), id!, query),
  },
  {
    pattern: ["restoresessions", ":id", "events", ":id"],
    method: "GET",
    handler: (ctx, _r, _q, [id, eventId]) => {
      const key = sessionKey(ctx, id!);
      if (!isUuid(eventId!)) throw new BadRequest(`The value "${eventId}" is not valid for eventId.`);
      const index = ctx.data.eventIndexOfId(key, eventId!);
      if (index !== undefined) return { status: 200, headers: { "content-type": JSON_TYPE }, body: eventText(ctx, key, index) };
      const elsewhere = ctx.servedEvents?.find(eventId!);
      if (elsewhere) return { status: 200, headers: { "content-type": JSON_TYPE }, body: eventText(ctx, elsewhere.key, elsewhere.index) };
      throw new NotFound(`Restore session event with ID ${eventId} not found.`);
    },
  },
  {
    pattern: ["restoresessions", ":id", "organization"],
    method: "GET",
    handler: (ctx, _r, _q, [id]) => json(200, ctx.data.organization(sessionKey(ctx, id!))),
  },
];

function matchRoute(segments: string[]): { routes: Route[]; ids: string[] } {
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

export function handle(ctx: ApiContext, request: ApiRequest): Reply {
  const method = request.method.toUpperCase();
  const segments = splitPath(request.path);
  const notFound = errorReply(404, `No HTTP resource was found that matches the request URI '${request.path}'.`);
  if (!segments || segments[0]?.toLowerCase() !== "v6") return notFound;
  const rest = segments.slice(1);
  if (rest.length === 1 && rest[0]!.toLowerCase() === "token") {
    if (method !== "POST") return methodNotAllowed(method, "POST");
    return token(ctx, request);
  }
  const { routes, ids } = matchRoute(rest);
  if (routes.length === 0) return notFound;
  const route = routes.find((r) => r.method === method);
  if (!route) return methodNotAllowed(method, routes.map((r) => r.method).join(", "));
  if (!ctx.defects.has("noAuth")) {
    const bearer = bearerToken(request.headers);
    if (!bearer || !ctx.tokens.isValid(bearer)) return unauthorized();
  }
  try {
    return route.handler(ctx, request, parseQuery(request.query), ids);
  } catch (error) {
    if (error instanceof BadRequest) return errorReply(400, error.message);
    if (error instanceof NotFound) return errorReply(404, error.message);
    if (error instanceof ServerFault) return errorReply(500, "An error has occurred.");
    throw error;
  }
}

function methodNotAllowed(method: string, allow: string): Reply {
  return errorReply(405, `The requested resource does not support http method '${method}'.`, { allow });
}

export { bearerToken };
