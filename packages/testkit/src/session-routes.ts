// The RestoreSessions routes: list (with its time window; v8 also end times and order),
// get, Stop, events, one event, the organization and (v8) Statistics. Each takes the
// version, the path ids and the query, and returns its reply.
import type { ApiContext, Handled, ParsedQuery } from "./context.js";
import { breakSession } from "./defects.js";
import { isUuid } from "./ids.js";
import { page } from "./paging.js";
import { booleanParam, carriedFilters, dateParam, enumParam, pageParams, type Query } from "./query.js";
import { BadRequest, json, jsonText, NotFound } from "./reply.js";
import { selectSessions, type ListSelection } from "./session-order.js";
import { formatUtcTicks, type Ticks } from "./time.js";
import { atLeast, stopStatus, type ApiVersion } from "./versions.js";

const V6_FILTERS = ["startTimeFrom", "startTimeTo"] as const;
const V8_FILTERS = [...V6_FILTERS, "endTimeFrom", "endTimeTo", "orderBy", "orderAsc"] as const;
const ORDER_BY = ["CreationTime", "EndTime"] as const;

function sessionText(ctx: ApiContext, key: number, version: ApiVersion): string {
  return ctx.sessionJson.get(key, () => JSON.stringify(breakSession(ctx.data.session(key, version), ctx.defects)), version);
}

function eventText(ctx: ApiContext, key: number, index: number, version: ApiVersion): string {
  const event = ctx.data.event(key, index, version);
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

/** The list's filters and order; v8's parameters are read on v8 only (older versions ignore them). */
function listSelection(ctx: ApiContext, query: Query, version: ApiVersion): ListSelection {
  const selection: ListSelection = { orderBy: "CreationTime", orderAsc: false };
  const set = (name: "startTimeFrom" | "startTimeTo" | "endTimeFrom" | "endTimeTo") => {
    const value = dateParam(ctx, query, name);
    if (value !== undefined) selection[name] = value;
  };
  set("startTimeFrom");
  set("startTimeTo");
  if (atLeast(version, "v8")) {
    set("endTimeFrom");
    set("endTimeTo");
    selection.orderBy = enumParam(query, "orderBy", ORDER_BY) ?? "CreationTime";
    selection.orderAsc = booleanParam(query, "orderAsc") ?? false;
  }
  return selection;
}

function parsedOf(selection: ListSelection, offset: number, limit: number, version: ApiVersion): ParsedQuery {
  const utc = (name: keyof ListSelection) => {
    const value = selection[name] as Ticks | undefined;
    return value === undefined ? {} : { [name]: formatUtcTicks(value) };
  };
  return {
    offset,
    limit,
    ...utc("startTimeFrom"),
    ...utc("startTimeTo"),
    ...(atLeast(version, "v8")
      ? { ...utc("endTimeFrom"), ...utc("endTimeTo"), orderBy: selection.orderBy, orderAsc: selection.orderAsc }
      : {}),
  };
}

export function listSessions(ctx: ApiContext, query: Query, version: ApiVersion): Handled {
  const selection = listSelection(ctx, query, version);
  const { offset, limit } = pageParams(query);
  const selected = selectSessions(ctx.data, selection);
  const reply = page(ctx, {
    base: `/${version}/RestoreSessions`,
    filters: carriedFilters(query, atLeast(version, "v8") ? V8_FILTERS : V6_FILTERS),
    offset,
    limit,
    total: selected.total,
    item: (i) => sessionText(ctx, selected.keyAt(i), version),
  });
  return { reply, parsed: parsedOf(selection, offset, limit, version) };
}

export function getSession(ctx: ApiContext, id: string, version: ApiVersion): Handled {
  return { reply: jsonText(sessionText(ctx, sessionKey(ctx, id), version)) };
}

export function stopSession(ctx: ApiContext, id: string, version: ApiVersion): Handled {
  const key = sessionKey(ctx, id);
  // Stopping a session that has already stopped changes nothing and still succeeds.
  ctx.data.stop(key, ctx.now());
  ctx.sessionJson.delete(key);
  const status = stopStatus(version);
  return { reply: status === 204 ? { status } : { status, headers: { "content-length": "0" }, body: "" } };
}

export function listEvents(ctx: ApiContext, id: string, query: Query, version: ApiVersion): Handled {
  const key = sessionKey(ctx, id);
  const { offset, limit } = pageParams(query);
  const reply = page(ctx, {
    base: `/${version}/RestoreSessions/${id}/Events`,
    filters: "",
    offset,
    limit,
    total: ctx.data.eventCount(key),
    item: (i) => eventText(ctx, key, i, version),
  });
  return { reply, parsed: { offset, limit } };
}

export function getEvent(ctx: ApiContext, id: string, eventId: string, version: ApiVersion): Handled {
  const key = sessionKey(ctx, id);
  if (!isUuid(eventId)) throw new BadRequest(`The value "${eventId}" is not valid for eventId.`);
  const index = ctx.data.eventIndexOfId(key, eventId);
  if (index !== undefined) return { reply: jsonText(eventText(ctx, key, index, version)) };
  // The eventAnySession defect: an event served earlier is found under any session.
  const elsewhere = ctx.servedEvents?.find(eventId);
  if (elsewhere) return { reply: jsonText(eventText(ctx, elsewhere.key, elsewhere.index, version)) };
  throw new NotFound(`Restore session event with ID ${eventId} not found.`);
}

export function getOrganization(ctx: ApiContext, id: string, version: ApiVersion): Handled {
  return { reply: json(200, ctx.data.organization(sessionKey(ctx, id), version)) };
}

/**
 * v8's Statistics, computed from the session's item events: restored counts Success and
 * Warning, failed counts Failed, skipped counts Skipped (Running and Cancelled only in the
 * total). The entries of `items`, `warnings` and `errors` are not described by the vendor's
 * document: the testkit writes them with the event's own field names.
 */
export function getStatistics(ctx: ApiContext, id: string): Handled {
  const key = sessionKey(ctx, id);
  const items = Array.from({ length: ctx.data.eventCount(key) }, (_, i) => ctx.data.event(key, i)).filter((e) => e.type !== "None");
  const count = (...statuses: string[]) => items.filter((e) => statuses.includes(e.status)).length;
  const notes = (status: string) => items.filter((e) => e.status === status).map((e) => ({ itemName: e.itemName, message: e.message }));
  const [warnings, errors] = [notes("Warning"), notes("Failed")];
  return {
    reply: json(200, {
      totalItemsCount: items.length,
      restoredItemsCount: count("Success", "Warning"),
      failedItemsCount: count("Failed"),
      skippedItemsCount: count("Skipped"),
      items: items.map((e) => ({ itemName: e.itemName, itemType: e.itemType, itemSizeBytes: e.itemSizeBytes, status: e.status })),
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(errors.length > 0 ? { errors } : {}),
    }),
  };
}
