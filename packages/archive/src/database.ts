// Opens the archive's database through Kysely: better-sqlite3 for a file, pg for PostgreSQL.
import { existsSync } from "node:fs";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { postgresDriver, sqliteDriver } from "./drivers.js";
import { ArchiveError, describeDatabaseError } from "./errors.js";
import type { ArchiveDatabase } from "./schema.js";
import type { ArchiveLocation } from "./setting.js";

export interface OpenDatabase {
  db: Kysely<ArchiveDatabase>;
  location: ArchiveLocation;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A sync may create the database; a reader needs one that exists. */
  create: boolean;
}

// How long a statement waits for another writer before SQLITE_BUSY.
const BUSY_TIMEOUT_MS = 5000;

export async function openDatabase(location: ArchiveLocation, options: OpenOptions): Promise<OpenDatabase> {
  try {
    return location.kind === "sqlite" ? await openSqlite(location, options) : await openPostgres(location);
  } catch (error) {
    throw describeDatabaseError(error, location);
  }
}

async function openSqlite(location: Extract<ArchiveLocation, { kind: "sqlite" }>, options: OpenOptions): Promise<OpenDatabase> {
  if (!options.create && !existsSync(location.file)) {
    throw new ArchiveError(
      `there is no archive at ${location.label}: run 'vbm365-audit archive sync' first, or point --archive / VBM365_ARCHIVE at it`,
      "empty",
    );
  }
  const Database = await sqliteDriver();
  const sqlite = new Database(location.file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // Reading the header here makes a file that is not SQLite fail now, with its own message.
    sqlite.pragma("schema_version");
    // WAL lets readers (dashboard, CLI) read while a sync writes. synchronous=NORMAL in WAL
    // still keeps every committed transaction through a crash of the process (SIGKILL
    // included); only a power loss may drop the last ones, which the next sync reads again.
    if (options.create) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<ArchiveDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, location, close: () => db.destroy() };
}

async function openPostgres(location: Extract<ArchiveLocation, { kind: "postgres" }>): Promise<OpenDatabase> {
  // BIGINT (int8) comes back as text from pg; the counts we store fit a double.
  // allowExitOnIdle: a CLI run ends when its work is done, without waiting for idle connections.
  const pg = await postgresDriver();
  const pool = new pg.Pool({ connectionString: location.url, max: 4, connectionTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle client losing its server emits 'error' on the pool; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const db = new Kysely<ArchiveDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, location, close: () => db.destroy() };
}
