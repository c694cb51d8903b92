// `archive status`: per server, what the archive holds and how its last sync went.
import type { Kysely } from "kysely";
import type { ArchiveDatabase } from "./schema.js";

export interface ServerStatus {
  server: string;
  url: string | null;
  apiVersion: string | null;
  sessions: number;
  /** Sessions the server no longer lists (kept here). */
  pruned: number;
  events: number;
  /** Start times (UTC, seven fractional digits) of the oldest and newest archived session. */
  oldest: string | null;
  newest: string | null;
  lastSync: {
    started: string;
    finished: string | null;
    /** ok, failed, interrupted (killed), or running */
    outcome: string;
    message: string | null;
  } | null;
}

export async function archiveStatus(db: Kysely<ArchiveDatabase>): Promise<ServerStatus[]> {
  const servers = await db.selectFrom("servers").selectAll().orderBy("name").execute();
  const sessions = await db
    .selectFrom("sessions")
    .select((eb) => [
      "server",
      eb.fn.countAll().as("sessions"),
      eb.fn.count("pruned_at").as("pruned"),
      eb.fn.min("creation_utc").as("oldest"),
      eb.fn.max("creation_utc").as("newest"),
    ])
    .groupBy("server")
    .execute();
  const events = await db
    .selectFrom("events")
    .select((eb) => ["server", eb.fn.countAll().as("events")])
    .groupBy("server")
    .execute();
  const lastRuns = await db
    .selectFrom("sync_runs")
    .selectAll()
    .where("id", "in", (eb) =>
      eb
        .selectFrom("sync_runs")
        .select((inner) => inner.fn.max("id").as("id"))
        .groupBy("server"),
    )
    .execute();
  return servers.map((server) => {
    const counts = sessions.find((row) => row.server === server.name);
    const run = lastRuns.find((row) => row.server === server.name);
    return {
      server: server.name,
      url: server.url,
      apiVersion: server.api_version,
      sessions: Number(counts?.sessions ?? 0),
      pruned: Number(counts?.pruned ?? 0),
      events: Number(events.find((row) => row.server === server.name)?.events ?? 0),
      oldest: counts?.oldest ?? null,
      newest: counts?.newest ?? null,
      lastSync: run ? { started: run.started_at, finished: run.finished_at, outcome: run.outcome, message: run.message } : null,
    };
  });
}
