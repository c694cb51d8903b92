// Rows written straight into an SQLite archive by the benchmarks that need big archives
// (a sync of a million sessions, or of a million events, would take hours against the
// testkit). The columns are the archive's schema (packages/archive/src/schema.ts); times get
// the archive's sortable form through the client's one ISO 8601 reader.
import { formatIsoTicks, isoTicks, parseIsoDateTime, type RestoreSession, type RestoreSessionEvent } from "@vbm365/client";
import type Database from "better-sqlite3";

/** The archive's sortable form of a time (UTC, seven fractional digits). */
export function utc7(iso: string): string {
  return formatIsoTicks(isoTicks(parseIsoDateTime(iso)!), 7);
}

/** Inserts one session row; `eventCount` is how many of its events are inserted beside it. */
export function sessionInserter(
  db: Database.Database,
  apiVersion: string,
  seen: string,
): (server: string, session: RestoreSession, eventCount: number) => void {
  const insert = db.prepare(
    `insert into sessions (server, id, name, organization, type, creation_time, creation_utc, end_time, end_utc, state, result,
      initiated_by, details, scope_name, client_host, reason, api_version, raw, event_count, first_seen, last_seen)
     values (@server, @id, @name, @organization, @type, @creationTime, @creationUtc, @endTime, @endUtc, @state, @result,
      @initiatedBy, @details, @scopeName, @clientHost, @reason, @apiVersion, @raw, @eventCount, @seen, @seen)`,
  );
  return (server, session, eventCount) => {
    insert.run({
      server,
      id: session.id,
      name: session.name ?? null,
      organization: session.organization ?? null,
      type: session.type,
      creationTime: session.creationTime,
      creationUtc: utc7(session.creationTime),
      endTime: session.endTime ?? null,
      endUtc: session.endTime ? utc7(session.endTime) : null,
      state: session.state,
      result: session.result,
      initiatedBy: session.initiatedBy ?? null,
      details: session.details ?? null,
      scopeName: session.scopeName ?? null,
      clientHost: session.clientHost ?? null,
      reason: session.reason ?? null,
      apiVersion,
      raw: JSON.stringify(session),
      eventCount,
      seen,
    });
  };
}

/** Inserts one event row of a session. */
export function eventInserter(
  db: Database.Database,
  seen: string,
): (server: string, sessionId: string, event: RestoreSessionEvent) => void {
  const insert = db.prepare(
    `insert into events (server, session_id, id, event_order, type, status, start_time, start_utc, end_time, duration, title, message,
      item_name, item_type, item_size_bytes, source, target, raw, first_seen, last_seen)
     values (@server, @sessionId, @id, @order, @type, @status, @startTime, @startUtc, @endTime, @duration, @title, @message,
      @itemName, @itemType, @itemSizeBytes, @source, @target, @raw, @seen, @seen)`,
  );
  return (server, sessionId, event) => {
    insert.run({
      server,
      sessionId,
      id: event.id,
      order: event.order,
      type: event.type ?? null,
      status: event.status,
      startTime: event.startTime,
      startUtc: utc7(event.startTime),
      endTime: event.endTime ?? null,
      duration: event.duration ?? null,
      title: event.title ?? null,
      message: event.message,
      itemName: event.itemName ?? null,
      itemType: event.itemType ?? null,
      itemSizeBytes: event.itemSizeBytes ?? null,
      source: event.source ?? null,
      target: event.target ?? null,
      raw: JSON.stringify(event),
      seen,
    });
  };
}
