// One sync at a time per archive. The lock belongs to the process's connection, so the
// operating system (SQLite) or the server (PostgreSQL) drops it when the process dies,
// SIGKILL included: a killed sync never leaves a lock that blocks the next one.
import { postgresDriver, sqliteDriver } from "./drivers.js";
import { ArchiveError, describeDatabaseError } from "./errors.js";
import type { ArchiveLocation } from "./setting.js";

export interface SyncLock {
  release(): Promise<void>;
}

// Any fixed number: the advisory lock key that every vbm365 sync of one database takes.
const ADVISORY_KEY = 365_365_001;

const busy = (location: ArchiveLocation) =>
  new ArchiveError(`another sync is writing to the archive ${location.label}: wait for it to finish, then run this one again`, "busy");

export async function acquireSyncLock(location: ArchiveLocation): Promise<SyncLock> {
  try {
    return location.kind === "sqlite" ? await lockFile(location) : await lockAdvisory(location);
  } catch (error) {
    throw describeDatabaseError(error, location);
  }
}

/** An exclusive transaction on a small side file (<archive>.sync-lock), held for the whole sync. */
async function lockFile(location: Extract<ArchiveLocation, { kind: "sqlite" }>): Promise<SyncLock> {
  const Database = await sqliteDriver();
  const holder = new Database(`${location.file}.sync-lock`, { timeout: 0 });
  try {
    holder.pragma("locking_mode = EXCLUSIVE");
    holder.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    holder.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw busy(location);
    throw error;
  }
  return {
    async release() {
      holder.exec("ROLLBACK");
      holder.close();
    },
  };
}

async function lockAdvisory(location: Extract<ArchiveLocation, { kind: "postgres" }>): Promise<SyncLock> {
  const pg = await postgresDriver();
  const client = new pg.Client({ connectionString: location.url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  const answer = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [ADVISORY_KEY]);
  if (!answer.rows[0]?.locked) {
    await client.end();
    throw busy(location);
  }
  return {
    async release() {
      await client.end();
    },
  };
}
