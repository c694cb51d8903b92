// Child process of the archive benchmark: fills an SQLite archive with many sessions
// straight through SQL (a sync of a million would take hours against the testkit), then
// times one-week window reads through the reader API, as the CLI and dashboard do them.
// The rows are the testkit's sessions (one about every 15 minutes, so ~670 in a week), all
// of one server: 1,000,000 of them reach back about 28 years.
import { openArchive, openArchiveSync } from "@vbm365/archive";
import { startTestServer } from "@vbm365/testkit";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sessionInserter } from "./archive-rows.js";

export interface ArchiveQueryReport {
  sessions: number;
  servers: number;
  fillMs: number;
  fileBytes: number;
  windowSessions: number;
  /** Milliseconds of each one-week window read (all sessions of the window, parsed). */
  timings: number[];
}

const WEEK_MS = 7 * 86_400_000;
const SERVERS = 1;

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? "1000000");
  const queries = Number(process.argv[3] ?? "50");
  const perServer = Math.ceil(total / SERVERS);
  const dir = mkdtempSync(join(tmpdir(), "vbm365-bench-archive-"));
  const file = join(dir, "archive.db");
  const server = await startTestServer({ sessions: perServer, seed: 12, now: "2026-11-30T12:00:00Z" });
  try {
    // Opening for a sync and closing again leaves the schema every archive gets.
    await (await openArchiveSync(file)).close();

    const started = performance.now();
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    const insert = sessionInserter(db, "v6", new Date().toISOString());
    const fill = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const session = server.data.session(index);
        for (let copy = 0; copy < SERVERS && index * SERVERS + copy < total; copy++) insert(`server-${copy}`, session, 0);
      }
    });
    for (let from = 0; from < perServer; from += 10_000) fill(from, Math.min(perServer, from + 10_000));
    db.close();
    const fillMs = performance.now() - started;

    const newest = Date.parse(server.data.session(0).creationTime);
    const oldest = Date.parse(server.data.session(perServer - 1).creationTime);
    const archive = await openArchive(file);
    const timings: number[] = [];
    let windowSessions = 0;
    for (let query = 0; query < queries; query++) {
      // Windows spread evenly over the whole history, never past either end.
      const start = oldest + ((newest - WEEK_MS - oldest) * query) / Math.max(1, queries - 1);
      const t0 = performance.now();
      let count = 0;
      for await (const item of archive.sessions({ from: new Date(start), to: new Date(start + WEEK_MS) }))
        count += item.session.id.length > 0 ? 1 : 0;
      timings.push(performance.now() - t0);
      windowSessions = Math.max(windowSessions, count);
    }
    await archive.close();
    const report: ArchiveQueryReport = {
      sessions: total,
      servers: SERVERS,
      fillMs,
      fileBytes: statSync(file).size,
      windowSessions,
      timings,
    };
    console.log(JSON.stringify(report));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
