// The sync's writes. Each batch is one transaction holding whole sessions with all their
// events, so a sync killed at any moment leaves every archived session complete. Rows are
// upserted, never deleted.
import type { Kysely, Transaction } from "kysely";
import { eventRow, organizationRow, sessionRow, type SessionRecord } from "./rows.js";
import type { ArchiveDatabase } from "./schema.js";
import type { BackupOrganization } from "@vbm365/client";

type Db = Kysely<ArchiveDatabase>;

// Well under SQLite's limit of bound variables per statement (32,766) for ~20 columns.
const ROWS_PER_INSERT = 500;
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
  await db.transaction().execute(async (trx) => {
    for (const organization of organizations) await upsertOrganization(trx, organizationRow(server, organization, seen));
    for (const record of records) {
      const changed = { ...sessionRow(server, apiVersion, record), last_seen: seen, pruned_at: null };
      await trx
        .insertInto("sessions")
        .values({ ...changed, first_seen: seen })
        // first_seen stays as it was: the update sets every other column.
        .onConflict((oc) => oc.columns(["server", "id"]).doUpdateSet(changed))
        .execute();
      const events = record.events.map((event) => eventRow(server, record.session.id, event, seen));
      for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
        await trx
          .insertInto("events")
          .values(events.slice(start, start + ROWS_PER_INSERT))
          .onConflict((oc) =>
            oc.columns(["server", "session_id", "id"]).doUpdateSet((eb) => ({
              event_order: eb.ref("excluded.event_order"),
              type: eb.ref("excluded.type"),
              status: eb.ref("excluded.status"),
              start_time: eb.ref("excluded.start_time"),
              start_utc: eb.ref("excluded.start_utc"),
              end_time: eb.ref("excluded.end_time"),
              duration: eb.ref("excluded.duration"),
              title: eb.ref("excluded.title"),
              message: eb.ref("excluded.message"),
              item_name: eb.ref("excluded.item_name"),
              item_type: eb.ref("excluded.item_type"),
              item_size_bytes: eb.ref("excluded.item_size_bytes"),
              source: eb.ref("excluded.source"),
              target: eb.ref("excluded.target"),
              raw: eb.ref("excluded.raw"),
              last_seen: eb.ref("excluded.last_seen"),
            })),
          )
          .execute();
      }
    }
  });
}

async function upsertOrganization(trx: Transaction<ArchiveDatabase>, row: ReturnType<typeof organizationRow>): Promise<void> {
  await trx
    .insertInto("organizations")
    .values(row)
    .onConflict((oc) => oc.columns(["server", "id"]).doUpdateSet({ name: row.name, type: row.type, raw: row.raw, last_seen: row.last_seen }))
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
