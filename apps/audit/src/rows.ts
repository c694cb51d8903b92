// The shapes of the three listings. Fields keep the server's values as sent (times
// included: they may carry an offset or .NET's seven fractional digits), so an export
// loses nothing.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import type { Row, RowShape } from "./output/types.js";

export const SESSION_SHAPE: RowShape = {
  columns: ["id", "creationTime", "endTime", "type", "state", "result", "initiatedBy", "clientHost", "organization", "name", "scopeName", "details"],
  tableColumns: ["creationTime", "type", "state", "result", "initiatedBy", "clientHost", "name"],
};

export function sessionRow(session: RestoreSession): Row {
  return {
    id: session.id,
    creationTime: session.creationTime,
    endTime: session.endTime ?? null,
    type: session.type,
    state: session.state,
    result: session.result,
    initiatedBy: session.initiatedBy ?? null,
    clientHost: session.clientHost ?? null,
    organization: session.organization ?? null,
    name: session.name ?? null,
    scopeName: session.scopeName ?? null,
    details: session.details ?? null,
  };
}

export const EVENT_SHAPE: RowShape = {
  columns: ["sessionId", "order", "id", "type", "status", "startTime", "endTime", "duration", "title", "itemName", "itemType", "itemSizeBytes", "source", "target", "message"],
  tableColumns: ["order", "type", "status", "startTime", "itemName", "itemType", "itemSizeBytes", "target"],
};

export function eventRow(sessionId: string, event: RestoreSessionEvent): Row {
  return {
    sessionId,
    order: event.order,
    id: event.id,
    type: event.type ?? null,
    status: event.status,
    startTime: event.startTime,
    endTime: event.endTime ?? null,
    duration: event.duration ?? null,
    title: event.title ?? null,
    itemName: event.itemName ?? null,
    itemType: event.itemType ?? null,
    itemSizeBytes: event.itemSizeBytes ?? null,
    source: event.source ?? null,
    target: event.target ?? null,
    message: event.message,
  };
}

/** The audit: one row per restored item, with who, when, from where, what, size, source and target. */
export const REPORT_SHAPE: RowShape = {
  columns: [
    "time", "initiatedBy", "clientHost", "action", "status", "itemName", "itemType", "itemSizeBytes", "source", "target",
    "organization", "sessionType", "sessionId", "sessionName", "sessionResult", "eventId",
  ],
  tableColumns: ["time", "initiatedBy", "clientHost", "action", "status", "itemName", "itemSizeBytes", "target"],
};

export function reportRow(session: RestoreSession, event: RestoreSessionEvent): Row {
  return {
    time: event.startTime,
    initiatedBy: session.initiatedBy ?? null,
    clientHost: session.clientHost ?? null,
    action: event.type ?? null,
    status: event.status,
    itemName: event.itemName ?? null,
    itemType: event.itemType ?? null,
    itemSizeBytes: event.itemSizeBytes ?? null,
    source: event.source ?? null,
    target: event.target ?? null,
    organization: session.organization ?? null,
    sessionType: session.type,
    sessionId: session.id,
    sessionName: session.name ?? null,
    sessionResult: session.result,
    eventId: event.id,
  };
}

/** `None` events only mark a session's start and end; they restore nothing. */
export function isRestoredItem(event: RestoreSessionEvent): boolean {
  return event.type !== undefined && event.type !== "None";
}
