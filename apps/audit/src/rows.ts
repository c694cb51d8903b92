// The shapes of the three listings. Fields keep the server's values as sent (times
// included: they may carry an offset or .NET's seven fractional digits), so an export
// loses nothing; each time also has a `...Utc` column that sorts in time order.
import type { RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";
import type { Row, RowShape } from "./output/types.js";
import { utcTimestamp } from "./timestamps.js";

export const SESSION_SHAPE: RowShape = {
  columns: [
    "id",
    "creationTime",
    "creationTimeUtc",
    "endTime",
    "endTimeUtc",
    "type",
    "state",
    "result",
    "initiatedBy",
    "clientHost",
    "organization",
    "name",
    "scopeName",
    "details",
  ],
  // The id first: it is what `events` and `stop` take, and it is never truncated.
  tableColumns: ["id", "creationTime", "type", "state", "result", "initiatedBy", "clientHost", "name"],
  keepWhole: ["id", "creationTime"],
};

export function sessionRow(session: RestoreSession): Row {
  return {
    id: session.id,
    creationTime: session.creationTime,
    creationTimeUtc: utcTimestamp(session.creationTime),
    endTime: session.endTime ?? null,
    endTimeUtc: utcTimestamp(session.endTime),
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
  columns: [
    "sessionId",
    "order",
    "id",
    "type",
    "status",
    "startTime",
    "startTimeUtc",
    "endTime",
    "endTimeUtc",
    "duration",
    "title",
    "itemName",
    "itemType",
    "itemSizeBytes",
    "source",
    "target",
    "message",
  ],
  tableColumns: ["order", "type", "status", "startTime", "itemName", "itemType", "itemSizeBytes", "target"],
  keepWhole: ["startTime"],
};

export function eventRow(sessionId: string, event: RestoreSessionEvent): Row {
  return {
    sessionId,
    order: event.order,
    id: event.id,
    type: event.type ?? null,
    status: event.status,
    startTime: event.startTime,
    startTimeUtc: utcTimestamp(event.startTime),
    endTime: event.endTime ?? null,
    endTimeUtc: utcTimestamp(event.endTime),
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
    "time",
    "timeUtc",
    "initiatedBy",
    "clientHost",
    "action",
    "status",
    "itemName",
    "itemType",
    "itemSizeBytes",
    "source",
    "target",
    "organization",
    "sessionType",
    "sessionId",
    "sessionName",
    "sessionResult",
    "eventId",
  ],
  tableColumns: ["time", "initiatedBy", "clientHost", "action", "status", "itemName", "itemSizeBytes", "target"],
  keepWhole: ["time"],
};

export function reportRow(session: RestoreSession, event: RestoreSessionEvent): Row {
  return {
    time: event.startTime,
    timeUtc: utcTimestamp(event.startTime),
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

// v8 servers count what each session handled (GET .../Statistics). The counts are the
// session's, repeated on each of its rows; older servers have no such call, so the
// columns are left out there rather than printed empty.
const STATISTICS_COLUMNS = [
  "sessionTotalItems",
  "sessionRestoredItems",
  "sessionFailedItems",
  "sessionSkippedItems",
  "sessionWarnings",
  "sessionErrors",
] as const;

/** The report on a v8 server: the session's statistics after the other columns (the table cuts from the right). */
export const REPORT_SHAPE_V8: RowShape = {
  ...REPORT_SHAPE,
  columns: [...REPORT_SHAPE.columns, ...STATISTICS_COLUMNS],
  tableColumns: [...REPORT_SHAPE.tableColumns, "sessionRestoredItems", "sessionFailedItems", "sessionSkippedItems"],
};

export function statisticsFields(statistics: RestoreStatistics): Row {
  return {
    sessionTotalItems: statistics.totalItemsCount,
    sessionRestoredItems: statistics.restoredItemsCount,
    sessionFailedItems: statistics.failedItemsCount,
    sessionSkippedItems: statistics.skippedItemsCount,
    // Lists the server may leave out: their length when sent, else empty.
    sessionWarnings: Array.isArray(statistics.warnings) ? statistics.warnings.length : null,
    sessionErrors: Array.isArray(statistics.errors) ? statistics.errors.length : null,
  };
}
