// Versioned, forward-only migrations. The sync applies the missing ones in order; an archive
// written by a newer release (a version this code does not know) is refused, never altered.
import { sql, type Kysely } from "kysely";
import { ArchiveError } from "./errors.js";
import type { ArchiveDatabase } from "./schema.js";
import type { ArchiveLocation } from "./setting.js";

type Dialect = ArchiveLocation["kind"];
type Migration = (db: Kysely<ArchiveDatabase>, dialect: Dialect) => Promise<void>;

// Kysely's schema builder is typed on the database's tables; migrations run before they exist.
type AnyDb = Kysely<Record<string, never>>;

const MIGRATIONS: readonly Migration[] = [
  async function initialSchema(typed, dialect) {
    const db = typed as unknown as AnyDb;
    await db.schema
      .createTable("servers")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("url", "text")
      .addColumn("api_version", "text")
      .execute();
    await db.schema
      .createTable("sessions")
      .addColumn("server", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("organization", "text")
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("creation_time", "text", (c) => c.notNull())
      .addColumn("creation_utc", "text", (c) => c.notNull())
      .addColumn("end_time", "text")
      .addColumn("end_utc", "text")
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("result", "text", (c) => c.notNull())
      .addColumn("initiated_by", "text")
      .addColumn("details", "text")
      .addColumn("scope_name", "text")
      .addColumn("client_host", "text")
      .addColumn("reason", "text")
      .addColumn("e_tag", "bigint")
      .addColumn("organization_id", "text")
      .addColumn("api_version", "text", (c) => c.notNull())
      .addColumn("raw", "text", (c) => c.notNull())
      .addColumn("statistics_raw", "text")
      .addColumn("total_items_count", "bigint")
      .addColumn("restored_items_count", "bigint")
      .addColumn("failed_items_count", "bigint")
      .addColumn("skipped_items_count", "bigint")
      .addColumn("event_count", "integer", (c) => c.notNull())
      .addColumn("first_seen", "text", (c) => c.notNull())
      .addColumn("last_seen", "text", (c) => c.notNull())
      .addColumn("pruned_at", "text")
      .addPrimaryKeyConstraint("sessions_pk", ["server", "id"])
      .execute();
    // Window queries (newest first, across servers) and "newest per server".
    await db.schema.createIndex("sessions_by_creation").on("sessions").columns(["creation_utc", "server", "id"]).execute();
    await db.schema.createIndex("sessions_by_server_creation").on("sessions").columns(["server", "creation_utc"]).execute();
    // Looking a session up by id alone (`events <id> --archive`).
    await db.schema.createIndex("sessions_by_id").on("sessions").column("id").execute();
    await db.schema
      .createTable("events")
      .addColumn("server", "text", (c) => c.notNull())
      .addColumn("session_id", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("event_order", "integer", (c) => c.notNull())
      .addColumn("type", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("start_time", "text", (c) => c.notNull())
      .addColumn("start_utc", "text")
      .addColumn("end_time", "text")
      .addColumn("duration", "text")
      .addColumn("title", "text")
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("item_name", "text")
      .addColumn("item_type", "text")
      .addColumn("item_size_bytes", "bigint")
      .addColumn("source", "text")
      .addColumn("target", "text")
      .addColumn("raw", "text", (c) => c.notNull())
      .addColumn("first_seen", "text", (c) => c.notNull())
      .addColumn("last_seen", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("events_pk", ["server", "session_id", "id"])
      .execute();
    // No index on event_order: a session's events are found by the primary key's
    // (server, session_id) prefix and sorted, a few rows at a time; one index less to
    // maintain keeps the sync fast.
    await db.schema
      .createTable("organizations")
      .addColumn("server", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("type", "text")
      .addColumn("raw", "text", (c) => c.notNull())
      .addColumn("first_seen", "text", (c) => c.notNull())
      .addColumn("last_seen", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("organizations_pk", ["server", "id"])
      .execute();
    await db.schema
      .createTable("sync_runs")
      .addColumn("id", dialect === "postgres" ? "serial" : "integer", (c) =>
        dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn("server", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("message", "text")
      .addColumn("sessions_added", "integer", (c) => c.notNull())
      .addColumn("sessions_updated", "integer", (c) => c.notNull())
      .addColumn("events_stored", "integer", (c) => c.notNull())
      .addColumn("sessions_pruned", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sync_runs_by_server").on("sync_runs").columns(["server", "id"]).execute();
  },
];

/** The schema version this release writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The archive's schema version: 0 for an empty database (no tables of ours yet). */
export async function schemaVersion(db: Kysely<ArchiveDatabase>): Promise<number> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === "archive_schema")) return 0;
  const row = await db
    .selectFrom("archive_schema")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Refuses an archive from a newer release before anything reads or writes it. */
export function refuseNewer(version: number, label: string): void {
  if (version > SCHEMA_VERSION) {
    throw new ArchiveError(
      `the archive ${label} has schema version ${version}, newer than this release knows (${SCHEMA_VERSION}): upgrade vbm365 to read or sync it (it was left unchanged)`,
      "newer",
    );
  }
}

/** Applies the missing migrations, each in its own transaction with its version row. */
export async function migrate(db: Kysely<ArchiveDatabase>, dialect: Dialect, label: string): Promise<void> {
  await sql`create table if not exists archive_schema (version integer primary key, applied_at text not null)`.execute(db);
  const current = await schemaVersion(db);
  refuseNewer(current, label);
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    await db.transaction().execute(async (trx) => {
      await MIGRATIONS[version - 1]!(trx, dialect);
      await trx.insertInto("archive_schema").values({ version, applied_at: new Date().toISOString() }).execute();
    });
  }
}
