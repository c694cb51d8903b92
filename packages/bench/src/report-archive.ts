// The report benchmark's real archive: the synthetic sessions and their events written into
// an SQLite archive file straight through SQL (a sync of 100,000 sessions with a million
// events from the testkit would take most of an hour), with the schema a sync creates.
// Reading it back goes through the reader API, as `vbm365-audit report --archive` does.
import { openArchive, openArchiveSync } from "@vbm365/archive";
import { formatIsoTicks, isoTicks, parseIsoDateTime } from "@vbm365/client";
import type { ReportInput } from "@vbm365/report";
import Database from "better-sqlite3";
import { SYNTHETIC_SERVER, syntheticSession } from "./report-input.js";

const BATCH = 5_000;

/** The archive's sortable form of a time (UTC, seven fractional digits), read with the client's one ISO 8601 reader. */
function utc7(iso: string): string {
  return formatIsoTicks(isoTicks(parseIsoDateTime(iso)!), 7);
}

export async function fillReportArchive(file: string, sessions: number, eventsPerSession: number): Promise<void> {
  // Opening for a sync and closing again leaves the current schema and nothing else.
  await (await openArchiveSync(file)).close();
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    const seen = new Date().toISOString();
    db.prepare("insert into servers (name, url, api_version) values (?, ?, ?)").run(SYNTHETIC_SERVER, "https://vbm.example:4443", "v8");
    const insertSession = db.prepare(
      `insert into sessions (server, id, name, organization, type, creation_time, creation_utc, end_time, end_utc, state, result,
        initiated_by, details, scope_name, client_host, reason, api_version, raw, event_count, first_seen, last_seen)
       values (@server, @id, @name, @organization, @type, @creationTime, @creationUtc, @endTime, @endUtc, @state, @result,
        @initiatedBy, @details, @scopeName, @clientHost, @reason, 'v8', @raw, @eventCount, @seen, @seen)`,
    );
    const insertEvent = db.prepare(
      `insert into events (server, session_id, id, event_order, type, status, start_time, start_utc, end_time, duration, title, message,
        item_name, item_type, item_size_bytes, source, target, raw, first_seen, last_seen)
       values (@server, @sessionId, @id, @order, @type, @status, @startTime, @startUtc, @endTime, @duration, @title, @message,
        @itemName, @itemType, @itemSizeBytes, @source, @target, @raw, @seen, @seen)`,
    );
    const fill = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const { session, events } = syntheticSession(i, eventsPerSession);
        insertSession.run({
          server: SYNTHETIC_SERVER,
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
          raw: JSON.stringify(session),
          eventCount: events.length,
          seen,
        });
        for (const event of events) {
          insertEvent.run({
            server: SYNTHETIC_SERVER,
            sessionId: session.id,
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
        }
      }
    });
    for (let from = 0; from < sessions; from += BATCH) fill(from, Math.min(sessions, from + BATCH));
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

/** Every session of the archive with its events, newest first, in the shape the report reads. */
export async function* archiveInput(file: string): AsyncGenerator<ReportInput> {
  const reader = await openArchive(file);
  try {
    for await (const { server, session, events } of reader.sessionsWithEvents()) yield { server, session, events };
  } finally {
    await reader.close();
  }
}
