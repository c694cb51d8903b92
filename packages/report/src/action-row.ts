// One restore action as the report's table and CSV show it.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import { instantMs } from "./instant.js";
import type { ActionRow } from "./types.js";

/** `None` events only mark a session's start and end; every other event is an action. */
export function isAction(event: RestoreSessionEvent): boolean {
  return event.type !== undefined && event.type !== "None";
}

/** The instant in UTC (millisecond precision), or null when the text is not a readable time. */
export function utcOf(time: string | null | undefined, ms = instantMs(time)): string | null {
  if (Number.isNaN(ms)) return null;
  return utcAsWritten(time!) ?? new Date(ms).toISOString();
}

/**
 * A readable time already written in UTC with seconds (`2022-03-12T15:55:20.8557416Z`) in
 * the form `toISOString` writes, from its own text: only the fraction is cut or padded to
 * three digits. Undefined for any other spelling. Formatting through a `Date` cost about as
 * much per action as everything else the row needs.
 */
function utcAsWritten(time: string): string | undefined {
  if (time[10] !== "T" || time[16] !== ":" || !time.endsWith("Z")) return undefined;
  const fraction = time[19] === "." ? time.slice(20, -1) : "";
  return `${time.slice(0, 19)}.${fraction.slice(0, 3).padEnd(3, "0")}Z`;
}

/** `timeMs`: the event's start as parsed by the caller (NaN when unreadable). */
export function actionRow(
  server: string,
  session: RestoreSession,
  event: RestoreSessionEvent,
  timeMs = instantMs(event.startTime),
): ActionRow {
  return {
    time: event.startTime,
    timeUtc: utcOf(event.startTime, timeMs),
    server,
    organization: session.organization ?? null,
    initiatedBy: session.initiatedBy ?? null,
    clientHost: session.clientHost ?? null,
    itemName: event.itemName ?? null,
    itemType: event.itemType ?? null,
    action: event.type ?? "",
    service: session.type,
    // A size that is not a whole, non-negative number is treated as unknown, not summed.
    itemSizeBytes:
      Number.isSafeInteger(event.itemSizeBytes) && (event.itemSizeBytes as number) >= 0 ? (event.itemSizeBytes as number) : null,
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
  "time",
  "timeUtc",
  "server",
  "organization",
  "initiatedBy",
  "clientHost",
  "itemName",
  "itemType",
  "action",
  "service",
  "itemSizeBytes",
  "source",
  "target",
  "status",
  "sessionId",
  "sessionName",
  "eventId",
];

// The ids a v8 server adds to each event naming what it restores from (the v6 and v7
// documents have none). Read by name because the client's public event type is v6's.
const V8_OBJECT_IDS = ["userId", "siteId", "teamId"] as const;

/** Whether the event carries the v8 object ids (present, even when null). */
export function hasV8ObjectIds(event: RestoreSessionEvent): boolean {
  for (const key of V8_OBJECT_IDS) if (Object.hasOwn(event, key)) return true;
  return false;
}

/**
 * What an action restored from: the mailbox, OneDrive, site or team. The name is the first
 * part of the source path (`alex@contoso.com\Inbox` -> `alex@contoso.com`); a v8 id, when
 * present, keeps two objects with the same name apart.
 */
export function restoredObject(event: RestoreSessionEvent): { name: string; id: string | null } {
  const text = event.source ?? event.itemName ?? "";
  const cut = text.indexOf("\\");
  const name = (cut < 0 ? text : text.slice(0, cut)).trim() || "(not named)";
  const fields = event as unknown as Record<string, unknown>;
  let id: string | null = null;
  for (const key of V8_OBJECT_IDS) {
    const value = fields[key];
    if (typeof value === "string" && value !== "") {
      id = value;
      break;
    }
  }
  return { name, id };
}
