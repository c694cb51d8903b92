// The data operations of the second-opinion server: the session list (paging, the time
// filters, v8's order), a session, Stop, its events, one event, its organization and v8's
// statistics. Paths and query names match case-insensitively; query names the spec does
// not have are ignored; a value of the wrong type, format or enum is refused with 400.
import type { Session } from "./data.js";
import { parseInstant } from "./format.js";
import { renderEvent, renderOrganization, renderPage, renderSession, renderStatistics, type Version } from "./render.js";
import { error, type Reply, type ServerState } from "./server.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const int32 = /^[+-]?\d{1,10}$/;

class BadRequest extends Error {}

/** The query's values by lower-cased name (the first of repeated names), decoded. */
function queryOf(rawQuery: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(rawQuery)) if (!query.has(k.toLowerCase())) query.set(k.toLowerCase(), v);
  return query;
}

function integer(query: Map<string, string>, name: string, fallback: number, max: number): number {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return fallback;
  const n = int32.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n > 2_147_483_647 || n < -2_147_483_648) throw new BadRequest(`The value '${raw}' is not valid for ${name}.`);
  // The vendor documents the maximum only; below zero is read as zero (no minimum is documented).
  if (n > max) throw new BadRequest(`${name} must be at most ${max}.`);
  return Math.max(0, n);
}

function instant(query: Map<string, string>, name: string, defects: ServerState["defects"]): bigint | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  const ticks = parseInstant(raw, !defects.has("acceptsFebruary30"));
  if (ticks === undefined) throw new BadRequest(`The value '${raw}' is not valid for ${name}.`);
  return ticks;
}

function oneOf(query: Map<string, string>, name: string, values: string[]): string | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  const found = values.find((value) => value.toLowerCase() === raw.toLowerCase());
  if (!found) throw new BadRequest(`The value '${raw}' is not valid for ${name}.`);
  return found;
}

/**
 * v8: newest first unless asked otherwise (its documented defaults). v6 and v7 document no
 * order: this server lists oldest first there. Equal times by id, so every read agrees.
 */
function sessionsFor(state: ServerState, v: Version, query: Map<string, string>): Session[] {
  const from = instant(query, "startTimeFrom", state.defects);
  const to = instant(query, "startTimeTo", state.defects);
  const endFrom = v === "v8" ? instant(query, "endTimeFrom", state.defects) : undefined;
  const endTo = v === "v8" ? instant(query, "endTimeTo", state.defects) : undefined;
  const by = v === "v8" ? (oneOf(query, "orderBy", ["CreationTime", "EndTime"]) ?? "CreationTime") : "CreationTime";
  const ascending = v === "v8" ? oneOf(query, "orderAsc", ["true", "false"]) === "true" : true;
  const leak = state.defects.has("filterInclusiveOfOutside") && from !== undefined;
  let kept = state.sessions.filter((s) => (from === undefined || s.creationTicks > from) && (to === undefined || s.creationTicks <= to));
  if (leak) kept = [...kept, ...state.sessions.filter((s) => s.creationTicks < from!).slice(0, 1)];
  // A session still running has no end: the end-time filters leave it out.
  if (endFrom !== undefined) kept = kept.filter((s) => s.endTicks !== undefined && s.endTicks > endFrom);
  if (endTo !== undefined) kept = kept.filter((s) => s.endTicks !== undefined && s.endTicks <= endTo);
  const key = (s: Session) => (by === "EndTime" ? s.endTicks : s.creationTicks);
  return kept.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === undefined || y === undefined) return x === y ? (a.id < b.id ? -1 : 1) : x === undefined ? 1 : -1;
    if (x !== y) return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    return a.id < b.id ? -1 : 1;
  });
}

function page(
  state: ServerState,
  v: Version,
  path: string,
  rawQuery: string,
  items: Record<string, unknown>[],
  query: Map<string, string>,
): Reply {
  const limit = integer(query, "limit", 30, 10_000);
  const offset = integer(query, "offset", 0, 2_147_483_647);
  // An unknown parameter must change nothing; this defect lets it drop the limit.
  const ignoresLimit =
    state.defects.has("unknownParameterChangesPage") &&
    [...query.keys()].some(
      (k) => !["limit", "offset", "starttimefrom", "starttimeto", "endtimefrom", "endtimeto", "orderby", "orderasc"].includes(k),
    );
  return {
    status: 200,
    body: renderPage(items, { path, rawQuery, offset, limit: ignoresLimit ? 30 : limit }, v, state.setId, state.defects),
  };
}

function find(state: ServerState, id: string | undefined): Session | undefined {
  return id === undefined ? undefined : state.sessions.find((s) => s.id.toLowerCase() === id.toLowerCase());
}

export function handleData(state: ServerState, v: Version, method: string, segments: string[], rawQuery: string): Reply {
  const route = segments.map((s, i) => (i % 2 === 1 ? "{id}" : s.toLowerCase())).join("/");
  const notFound = (what: string) => error(404, `${what} was not found.`, v, "ResourceNotFound");
  // A route whose id is not a uuid matches nothing, as with a route constraint: 404 with the error body.
  if (segments.some((s, i) => i % 2 === 1 && !uuid.test(decodeURIComponent(s)))) return notFound("The resource");
  const session = find(state, segments[1]);
  const path = `/${v}/${segments.join("/")}`;
  try {
    const query = queryOf(rawQuery);
    if (method === "GET" && route === "restoresessions")
      return page(
        state,
        v,
        path,
        rawQuery,
        sessionsFor(state, v, query).map((s) => renderSession(s, v, state.defects)),
        query,
      );
    if (!session) return notFound(`Restore session ${segments[1] ?? ""}`);
    if (method === "GET" && route === "restoresessions/{id}") return { status: 200, body: renderSession(session, v, state.defects) };
    if (method === "POST" && route === "restoresessions/{id}/stop") {
      if (session.state === "Working")
        Object.assign(session, { state: "Stopped", endTicks: BigInt(Date.now()) * 10_000n, eTag: session.eTag + 1 });
      return { status: v === "v8" ? 204 : 200 };
    }
    if (method === "GET" && route === "restoresessions/{id}/events")
      return page(
        state,
        v,
        path,
        rawQuery,
        session.events.map((e) => renderEvent(e, session, v)),
        query,
      );
    if (method === "GET" && route === "restoresessions/{id}/events/{id}") {
      const event = session.events.find((e) => e.id.toLowerCase() === segments[3]!.toLowerCase());
      return event ? { status: 200, body: renderEvent(event, session, v) } : notFound(`Event ${segments[3]}`);
    }
    if (method === "GET" && route === "restoresessions/{id}/organization")
      return { status: 200, body: renderOrganization(session.organization, v) };
    if (method === "GET" && route === "restoresessions/{id}/statistics" && v === "v8")
      return { status: 200, body: renderStatistics(session) };
    return notFound("The resource");
  } catch (e) {
    if (e instanceof BadRequest) return error(400, e.message, v, "ParameterValidationFailure");
    throw e;
  }
}
