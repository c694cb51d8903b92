// The report benchmark's real archive: the synthetic sessions and their events written into
// an SQLite archive file straight through SQL, with the schema a sync creates. A sync from
// the testkit would take minutes more per run and give the testkit's data instead of the
// report-shaped mix (operators, objects, sizes) the stand-in has. Reading it back goes
// through the reader API, as `vbm365-audit report --archive` does.
import { openArchive, openArchiveSync } from "@vbm365/archive";
import type { ReportInput } from "@vbm365/report";
import Database from "better-sqlite3";
import { eventInserter, sessionInserter } from "./archive-rows.js";
import { SYNTHETIC_SERVER, syntheticSession } from "./report-input.js";

const BATCH = 5_000;

export async function fillReportArchive(file: string, sessions: number, eventsPerSession: number): Promise<void> {
  // Opening for a sync and closing again leaves the current schema and nothing else.
  await (await openArchiveSync(file)).close();
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    const seen = new Date().toISOString();
    db.prepare("insert into servers (name, url, api_version) values (?, ?, ?)").run(SYNTHETIC_SERVER, "https://vbm.example:4443", "v8");
    const insertSession = sessionInserter(db, "v8", seen);
    const insertEvent = eventInserter(db, seen);
    const fill = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const { session, events } = syntheticSession(i, eventsPerSession);
        insertSession(SYNTHETIC_SERVER, session, events.length);
        for (const event of events) insertEvent(SYNTHETIC_SERVER, session.id, event);
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
