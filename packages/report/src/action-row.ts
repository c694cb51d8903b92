// One restore action as the report's table and CSV show it.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import { objectKind } from "./labels.js";
import type { ActionRow } from "./types.js";

/** `None` events only mark a session's start and end; every other event is an action. */
export function isAction(event: RestoreSessionEvent): boolean {
  return event.type !== undefined && event.type !== "None";
}

/** The instant in UTC (millisecond precision), or null when the text is not a readable time. */
export function utcOf(time: string | null | undefined): string | null {
  if (!time) return null;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function actionRow(server: string, session: RestoreSession, event: RestoreSessionEvent): ActionRow {
  return {
    time: event.startTime,
    timeUtc: utcOf(event.startTime),
    server,
    organization: session.organization ?? null,
    initiatedBy: session.initiatedBy ?? null,
    clientHost: session.clientHost ?? null,
    itemName: event.itemName ?? null,
    itemType: event.itemType ?? null,
    action: event.type ?? "",
    service: session.type,
    // A size that is not a whole, non-negative number is treated as unknown, not summed.
    itemSizeBytes: Number.isSafeInteger(event.itemSizeBytes) && (event.itemSizeBytes as number) >= 0 ? (event.itemSizeBytes as number) : null,
    source: event.source ?? null,
    target: event.target ?? null,
    status: event.status,
    sessionId: session.id,
    sessionName: session.name ?? null,
    eventId: event.id,
  };
}

/** The columns of the CSV and of the JSON rows, in order. */
export const ACTION_COLUMNS: readonly (keyof ActionRow)[] = [
  "time", "timeUtc", "server", "organization", "initiatedBy", "clientHost", "itemName", "itemType", "action", "service",
  "itemSizeBytes", "source", "target", "status", "sessionId", "sessionName", "eventId",
];

// The ids a v8 server adds to each event naming what it restores from (the v6 and v7
// documents have none). Read by name because the client's public event type is v6's.
const V8_OBJECT_IDS = ["userId", "siteId", "teamId"] as const;

/** Whether the event carries the v8 object ids (present, even when null). */
export function hasV8ObjectIds(event: RestoreSessionEvent): boolean {
  return V8_OBJECT_IDS.some((key) => Object.hasOwn(event, key));
}

/**
 * What an action restored from: the mailbox, OneDrive, site or team. The name is the first
 * part of the source path (`alex@contoso.com\Inbox` -> `alex@contoso.com`); a v8 id, when
 * present, keeps two objects with the same name apart.
 */
export function restoredObject(session: RestoreSession, event: RestoreSessionEvent): { key: string; name: string; kind: string; id: string | null } {
  const text = event.source ?? event.itemName ?? "";
  const name = text.split("\\")[0]!.trim() || "(not named)";
  const fields = event as unknown as Record<string, unknown>;
  const id = V8_OBJECT_IDS.map((key) => fields[key]).find((value): value is string => typeof value === "string" && value !== "");
  return { key: `${session.type}\u0000${name}\u0000${id ?? ""}`, name, kind: objectKind(session.type), id: id ?? null };
}
