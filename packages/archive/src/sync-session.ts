// The sync lock, the database and its migrations, taken once for one or many server syncs.
// `syncArchive` syncs one server; `openArchiveSync` lets a fleet sync several servers into
// one archive at the same time under one lock (every table is keyed by server, and each
// server's run, walk and pruning touch only its own rows), while a second process's sync
// is still refused.
import { openDatabase } from "./database.js";
import { describeDatabaseError } from "./errors.js";
import { acquireSyncLock } from "./lock.js";
import { migrate } from "./migrations.js";
import { archiveLocation, type ArchiveLocation } from "./setting.js";
import { syncServer, type SyncClient, type SyncOptions, type SyncSummary } from "./sync.js";

export interface ArchiveSync {
  readonly location: ArchiveLocation;
  /** One server's sync; several may run at once with different `options.server` names. */
  sync(client: SyncClient, options?: SyncOptions): Promise<SyncSummary>;
  /** Closes the database and releases the sync lock. */
  close(): Promise<void>;
}

export async function openArchiveSync(setting: string | ArchiveLocation | undefined): Promise<ArchiveSync> {
  const location = typeof setting === "object" ? setting : archiveLocation(setting);
  const lock = await acquireSyncLock(location);
  let opened: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    opened = await openDatabase(location, { create: true });
    const { db } = opened;
    await migrate(db, location.kind, location.label).catch((error: unknown) => {
      throw describeDatabaseError(error, location);
    });
  } catch (error) {
    await opened?.close().catch(() => {});
    await lock.release();
    throw error;
  }
  const { db, close } = opened;
  const running = new Set<string>();
  return {
    location,
    async sync(client, options = {}) {
      const server = options.server ?? "default";
      // Two walks of one server would mark each other's rows and runs.
      if (running.has(server)) throw new Error(`server '${server}' is already being synced in this archive sync`);
      running.add(server);
      try {
        return await syncServer(db, location, client, options);
      } finally {
        running.delete(server);
      }
    },
    async close() {
      try {
        await close();
      } finally {
        await lock.release();
      }
    },
  };
}

/** One sync of one server: takes the archive's sync lock, migrates, walks, releases. */
export async function syncArchive(
  setting: string | ArchiveLocation | undefined,
  client: SyncClient,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const archive = await openArchiveSync(setting);
  try {
    return await archive.sync(client, options);
  } finally {
    await archive.close();
  }
}
