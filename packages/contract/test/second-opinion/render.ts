// The bodies the second-opinion server writes, per version, from the facts: sessions,
// events, organizations, statistics and pages. Where the facts leave room it differs
// from the testkit: a running session has no `endTime` at all (the field is optional), a
// running event's is `null` (it is nullable), item links keep the vendor's PascalCase, and
// a page's `_links` names `first`, `prev`, `next` and `self` as they apply.
import type { Organization, Session, SessionEvent } from "./data.js";
import { atOffset, pageLink, utcTrimmed } from "./format.js";

export type Version = "v6" | "v7" | "v8";

/** Planted defects: each breaks one documented rule, and the suite must say so. */
export type SecondOpinionDefect =
  | "missingState" // sessions without the required `state`
  | "acceptsFebruary30" // a date the calendar lacks rolls over instead of being refused
  | "nextSkipsOne" // `next` leads one item too far: the walk misses items
  | "unknownParameterChangesPage" // a parameter the spec does not name changes the page (limit ignored)
  | "tokenIgnored" // data without a token
  | "filterInclusiveOfOutside"; // startTimeFrom keeps one session from before the window

export function renderSession(s: Session, v: Version, defects: ReadonlySet<SecondOpinionDefect>): Record<string, unknown> {
  const base = `/${v}/RestoreSessions/${s.id}`;
  const body: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    organization: s.organization.name,
    type: s.type,
    creationTime: utcTrimmed(s.creationTicks),
    ...(s.endTicks !== undefined ? { endTime: utcTrimmed(s.endTicks) } : {}),
    state: s.state,
    result: s.result,
    initiatedBy: s.initiatedBy,
    clientHost: s.clientHost,
    _links: { self: { href: base }, organization: { href: `${base}/organization` }, restoreSessionEvents: { href: `${base}/Events` } },
  };
  if (v === "v8") body.eTag = s.eTag;
  if (defects.has("missingState")) delete body.state;
  return body;
}

export function renderEvent(e: SessionEvent, s: Session, v: Version): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: e.id,
    type: e.type,
    status: e.status,
    startTime: atOffset(e.startTicks, 120),
    endTime: e.endTicks === undefined ? null : atOffset(e.endTicks, 120),
    duration: e.endTicks === undefined ? "00:00:00" : timeSpan(e.endTicks - e.startTicks),
    title: e.title,
    message: e.message,
    order: e.order,
    ...(e.itemName
      ? { itemName: e.itemName, itemType: e.itemType, itemSizeBytes: e.itemSizeBytes, source: e.source, target: e.target }
      : {}),
    _links: { self: { href: `/${v}/RestoreSessions/${s.id}/Events/${e.id}` }, restoreSession: { href: `/${v}/RestoreSessions/${s.id}` } },
  };
  if (v === "v8")
    Object.assign(body, {
      backedUpOrganizationId: null,
      groupId: null,
      siteId: null,
      userId: null,
      organizationId: s.organization.id,
      teamId: null,
    });
  return body;
}

/** A .NET TimeSpan as `hh:mm:ss`. */
function timeSpan(ticks: bigint): string {
  const seconds = Number(ticks / 10_000_000n);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export function renderOrganization(o: Organization, v: Version): Record<string, unknown> {
  return { id: o.id, name: o.name, type: o.type, _links: { self: { href: `/${v}/Organizations/${o.id}` } } };
}

export function renderStatistics(s: Session): Record<string, unknown> {
  const items = s.events.filter((e) => e.itemName).map((e) => ({ name: e.itemName, status: e.status }));
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return {
    totalItemsCount: items.length,
    restoredItemsCount: count("Success") + count("Warning"),
    failedItemsCount: count("Failed"),
    skippedItemsCount: count("Skipped"),
    items,
  };
}

export interface PageRequest {
  path: string;
  rawQuery: string;
  offset: number;
  limit: number;
}

/** One page of `all`: the envelope, and links only where they apply (no `next` on the last page). */
export function renderPage(
  all: Record<string, unknown>[],
  page: PageRequest,
  v: Version,
  setId: string,
  defects: ReadonlySet<SecondOpinionDefect>,
): Record<string, unknown> {
  const { path, rawQuery, offset, limit } = page;
  const results = limit === 0 ? [] : all.slice(offset, offset + limit);
  const links: Record<string, { href: string }> = {
    self: pageLink(path, rawQuery, offset, limit),
    first: pageLink(path, rawQuery, 0, limit),
  };
  if (offset > 0 && limit > 0) links.prev = pageLink(path, rawQuery, Math.max(0, offset - limit), limit);
  const step = defects.has("nextSkipsOne") ? limit + 1 : limit;
  if (limit > 0 && offset + limit < all.length) links.next = pageLink(path, rawQuery, offset + step, limit);
  // v8 drops totalCount from the envelope; v6 and v7 count.
  return { offset, limit, results, setId, ...(v === "v8" ? {} : { totalCount: all.length }), _links: links };
}
