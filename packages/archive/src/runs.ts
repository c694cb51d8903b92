// The record of each sync (for `archive status`) and of each server synced.
import type { Kysely } from "kysely";
import type { ArchiveDatabase } from "./schema.js";

type Db = Kysely<ArchiveDatabase>;

export interface RunCounts {
  sessionsAdded: number;
  sessionsUpdated: number;
  eventsStored: number;
  sessionsPruned: number;
}

/** Opens a run; a run of this server still "running" was killed (the lock is ours now). */
export async function startRun(db: Db, server: string, url: string | undefined, started: string): Promise<number> {
  await db
    .updateTable("sync_runs")
    .set({ outcome: "interrupted", message: "the sync was stopped before it finished" })
    .where("server", "=", server)
    .where("outcome", "=", "running")
    .execute();
  await db
    .insertInto("servers")
    .values({ name: server, url: url ?? null, api_version: null })
    .onConflict((oc) => oc.column("name").doUpdateSet(url === undefined ? { name: server } : { url }))
    .execute();
  const row = await db
    .insertInto("sync_runs")
    .values({
      server,
      started_at: started,
      finished_at: null,
      outcome: "running",
      message: null,
      sessions_added: 0,
      sessions_updated: 0,
      events_stored: 0,
      sessions_pruned: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function recordApiVersion(db: Db, server: string, apiVersion: string): Promise<void> {
  await db.updateTable("servers").set({ api_version: apiVersion }).where("name", "=", server).execute();
}

export async function finishRun(db: Db, runId: number, outcome: "ok" | "failed", counts: RunCounts, message: string | null): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set({
      finished_at: new Date().toISOString(),
      outcome,
      message,
      sessions_added: counts.sessionsAdded,
      sessions_updated: counts.sessionsUpdated,
      events_stored: counts.eventsStored,
      sessions_pruned: counts.sessionsPruned,
    })
    .where("id", "=", runId)
    .execute();
}
