// The RestoreSessions routes: list (with its time window), get, Stop, events, one event
// and the organization. Each takes the request's ids and query and returns its reply.
import type { ApiContext, Handled } from "./context.js";
import { breakSession } from "./defects.js";
import { isUuid } from "./ids.js";
import { page } from "./paging.js";
import { carriedFilters, dateParam, pageParams, type Query } from "./query.js";
import { BadRequest, json, jsonText, NotFound } from "./reply.js";
import { formatUtcTicks } from "./time.js";

const FILTERS = ["startTimeFrom", "startTimeTo"] as const;

function sessionText(ctx: ApiContext, key: number): string {
  return ctx.sessionJson.get(key, () => JSON.stringify(breakSession(ctx.data.session(key), ctx.defects)));
}

function eventText(ctx: ApiContext, key: number, index: number): string {
  const event = ctx.data.event(key, index);
  ctx.servedEvents?.remember(event.id, key, index);
  return JSON.stringify(event);
}

/** The key of the session a path id names: 400 for a non-uuid, 404 for an unknown id. */
function sessionKey(ctx: ApiContext, rawId: string): number {
  if (!isUuid(rawId)) throw new BadRequest(`The value "${rawId}" is not valid for restoreSessionId.`);
  const key = ctx.data.keyOfId(rawId);
  if (key === undefined) throw new NotFound(`Restore session with ID ${rawId} not found.`);
  return key;
}

export function listSessions(ctx: ApiContext, query: Query): Handled {
  const from = dateParam(ctx, query, "startTimeFrom");
  const to = dateParam(ctx, query, "startTimeTo");
  const { offset, limit } = pageParams(query);
  const [start, end] = ctx.data.range(from, to);
  const reply = page(ctx, {
    base: "/v6/RestoreSessions",
    filters: carriedFilters(query, FILTERS),
    offset,
    limit,
    total: end - start,
    item: (i) => sessionText(ctx, ctx.data.keyAt(start + i)),
  });
  const parsed = {
    offset,
    limit,
    ...(from === undefined ? {} : { startTimeFrom: formatUtcTicks(from) }),
    ...(to === undefined ? {} : { startTimeTo: formatUtcTicks(to) }),
  };
  return { reply, parsed };
}

export function getSession(ctx: ApiContext, id: string): Handled {
  return { reply: jsonText(sessionText(ctx, sessionKey(ctx, id))) };
}

export function stopSession(ctx: ApiContext, id: string): Handled {
  const key = sessionKey(ctx, id);
  // Stopping a session that has already stopped changes nothing and still answers 200.
  ctx.data.stop(key, ctx.now());
  ctx.sessionJson.delete(key);
  return { reply: { status: 200, headers: { "content-length": "0" }, body: "" } };
}

export function listEvents(ctx: ApiContext, id: string, query: Query): Handled {
  const key = sessionKey(ctx, id);
  const { offset, limit } = pageParams(query);
  const reply = page(ctx, {
    base: `/v6/RestoreSessions/${id}/Events`,
    filters: "",
    offset,
    limit,
    total: ctx.data.eventCount(key),
    item: (i) => eventText(ctx, key, i),
  });
  return { reply, parsed: { offset, limit } };
}

export function getEvent(ctx: ApiContext, id: string, eventId: string): Handled {
  const key = sessionKey(ctx, id);
  if (!isUuid(eventId)) throw new BadRequest(`The value "${eventId}" is not valid for eventId.`);
  const index = ctx.data.eventIndexOfId(key, eventId);
  if (index !== undefined) return { reply: jsonText(eventText(ctx, key, index)) };
  // The eventAnySession defect: an event served earlier is found under any session.
  const elsewhere = ctx.servedEvents?.find(eventId);
  if (elsewhere) return { reply: jsonText(eventText(ctx, elsewhere.key, elsewhere.index)) };
  throw new NotFound(`Restore session event with ID ${eventId} not found.`);
}

export function getOrganization(ctx: ApiContext, id: string): Handled {
  return { reply: json(200, ctx.data.organization(sessionKey(ctx, id))) };
}
