// Fields v8 adds to what v6 and v7 send: a session's `eTag` and an event's related ids.
// (Typed here until the client exports its v8 schema types; the v8 bundle checks them.)
import { encodeId } from "./ids.js";
import { hash32 } from "./random.js";

export interface V8SessionFields {
  /** A version number of the session, bumped when it changes: 1, and 2 once stopped through the API. */
  eTag: number;
}

export interface V8EventFields {
  backedUpOrganizationId: string | null;
  organizationId: string | null;
  userId: string | null;
  groupId: string | null;
  siteId: string | null;
  teamId: string | null;
}

const KEY_RELATED = 5;

/** What an item event concerns, so the ids can be derived from it. */
export interface ItemSubject {
  organizationId: string;
  sessionType: "Vex" | "Veod" | "Vesp" | "Vet";
  /** The person (Exchange, OneDrive) or the item (SharePoint site, team) the event is about. */
  subject: string;
}

const NO_IDS: V8EventFields = {
  backedUpOrganizationId: null,
  organizationId: null,
  userId: null,
  groupId: null,
  siteId: null,
  teamId: null,
};

function stringHash(text: string): number {
  return hash32(...Array.from(text, (c) => c.codePointAt(0)!));
}

/** The ids of an item event (null for the session's start and stop events). */
export function eventIds(seed: number, item: ItemSubject | undefined): V8EventFields {
  if (!item) return NO_IDS;
  const idOf = (kind: number) => encodeId(stringHash(item.subject), hash32(seed, KEY_RELATED, kind));
  return {
    ...NO_IDS,
    backedUpOrganizationId: item.organizationId,
    organizationId: item.organizationId,
    ...(item.sessionType === "Vex" || item.sessionType === "Veod" ? { userId: idOf(1) } : {}),
    ...(item.sessionType === "Vesp" ? { siteId: idOf(2) } : {}),
    ...(item.sessionType === "Vet" ? { teamId: idOf(3) } : {}),
  };
}
