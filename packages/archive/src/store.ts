// The sync's writes. Each batch is one transaction holding whole sessions with all their
// events, so a sync killed at any moment leaves every archived session complete. Rows are
// upserted, never deleted.
import type { Kysely, Transaction } from "kysely";
import { eventRow, organizationRow, sessionRow, type SessionRecord } from "./rows.js";
import type { ArchiveDatabase, EventTable, SessionTable } from "./schema.js";
import type { BackupOrganization } from "@vbm365/client";

type Db = Kysely<ArchiveDatabase>;

// Well under SQLite's limit of bound variables per statement (32,766): 20 event columns,
// 30 session columns.
const ROWS_PER_INSERT = 500;
const SESSIONS_PER_INSERT = 200;
const IDS_PER_STATEMENT = 900;

export interface ArchivedState {
  state: string;
  raw: string;
  pruned: boolean;
}

/** What the archive holds for these ids of one server. */
export async function archivedStates(db: Db, server: string, ids: readonly string[]): Promise<Map<string, ArchivedState>> {
  const states = new Map<string, ArchivedState>();
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom("sessions")
      .select(["id", "state", "raw", "pruned_at"])
      .where("server", "=", server)
      .where("id", "in", ids.slice(start, start + IDS_PER_STATEMENT))
      .execute();
    for (const row of rows) states.set(row.id, { state: row.state, raw: row.raw, pruned: row.pruned_at !== null });
  }
  return states;
}

/** Sessions the server still lists unchanged: only when they were last seen moves. */
export async function touchSessions(db: Db, server: string, ids: readonly string[], seen: string): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
      await trx
        .updateTable("sessions")
        .set({ last_seen: seen, pruned_at: null })
        .where("server", "=", server)
        .where("id", "in", ids.slice(start, start + IDS_PER_STATEMENT))
        .execute();
    }
  });
}

/** Stores whole sessions (with events, statistics and organizations) in one transaction. */
export async function storeRecords(
  db: Db,
  server: string,
  apiVersion: string,
  records: readonly SessionRecord[],
  organizations: readonly BackupOrganization[],
  seen: string,
): Promise<void> {
  if (records.length === 0 && organizations.length === 0) return;
  const sessions = records.map((record) => ({
    ...sessionRow(server, apiVersion, record),
    first_seen: seen,
    last_seen: seen,
    pruned_at: null,
  }));
  const events = records.flatMap((record) => record.events.map((event) => eventRow(server, record.session.id, event, seen)));
  await db.transaction().execute(async (trx) => {
    for (const organization of organizations) await upsertOrganization(trx, organizationRow(server, organization, seen));
    // Many rows per statement: one round trip (PostgreSQL) or one prepared statement
    // (SQLite) for a whole batch instead of one per session.
    for (let start = 0; start < sessions.length; start += SESSIONS_PER_INSERT) {
      await trx
        .insertInto("sessions")
        .values(sessions.slice(start, start + SESSIONS_PER_INSERT))
        // Every column but the key and first_seen takes the new value.
        .onConflict((oc) => oc.columns(["server", "id"]).doUpdateSet((eb) => excludedColumns(eb, SESSION_UPDATED)))
        .execute();
    }
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      await trx
        .insertInto("events")
        .values(events.slice(start, start + ROWS_PER_INSERT))
        .onConflict((oc) => oc.columns(["server", "session_id", "id"]).doUpdateSet((eb) => excludedColumns(eb, EVENT_UPDATED)))
        .execute();
    }
  });
}

const SESSION_UPDATED = [
  "name",
  "organization",
  "type",
  "creation_time",
  "creation_utc",
  "end_time",
  "end_utc",
  "state",
  "result",
  "initiated_by",
  "details",
  "scope_name",
  "client_host",
  "reason",
  "e_tag",
  "organization_id",
  "api_version",
  "raw",
  "statistics_raw",
  "total_items_count",
  "restored_items_count",
  "failed_items_count",
  "skipped_items_count",
  "event_count",
  "last_seen",
  "pruned_at",
] as const satisfies readonly Exclude<keyof SessionTable, "server" | "id" | "first_seen">[];

const EVENT_UPDATED = [
  "event_order",
  "type",
  "status",
  "start_time",
  "start_utc",
  "end_time",
  "duration",
  "title",
  "message",
  "item_name",
  "item_type",
  "item_size_bytes",
  "source",
  "target",
  "raw",
  "last_seen",
] as const satisfies readonly Exclude<keyof EventTable, "server" | "session_id" | "id" | "first_seen">[];

/** `column = excluded.column` for each column: the row that was to be inserted wins. */
function excludedColumns<T extends string>(eb: { ref(reference: `excluded.${T}`): unknown }, columns: readonly T[]) {
  // Kysely types `excluded.*` references per table; the column lists above are checked against the tables.
  return Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)])) as never;
}

async function upsertOrganization(trx: Transaction<ArchiveDatabase>, row: ReturnType<typeof organizationRow>): Promise<void> {
  await trx
    .insertInto("organizations")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["server", "id"]).doUpdateSet({ name: row.name, type: row.type, raw: row.raw, last_seen: row.last_seen }),
    )
    .execute();
}

/** Sessions of the server that a complete walk did not see: marked pruned (kept, never deleted). */
export async function markPruned(db: Db, server: string, walkStarted: string): Promise<number> {
  const result = await db
    .updateTable("sessions")
    .set({ pruned_at: walkStarted })
    .where("server", "=", server)
    .where("last_seen", "<", walkStarted)
    .where("pruned_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
