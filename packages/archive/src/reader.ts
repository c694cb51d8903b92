// The reader API: what the CLI, the dashboard and reports read instead of a live server.
// Objects are rebuilt from the raw JSON the server sent, so they have the API's shape
// (RestoreSession, RestoreSessionEvent) with every field, also those a newer server added.
import type { RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";
import type { Kysely } from "kysely";
import { openDatabase } from "./database.js";
import { ArchiveError, describeDatabaseError } from "./errors.js";
import { refuseNewer, schemaVersion, SCHEMA_VERSION } from "./migrations.js";
import type { ArchiveDatabase } from "./schema.js";
import { archiveLocation, type ArchiveLocation } from "./setting.js";
import { archiveStatus, type ServerStatus } from "./status.js";
import { boundKey } from "./time.js";

export interface SessionWindow {
  /** Sessions that started at or after this instant. */
  from?: Date | string;
  /** Sessions that started at or before this instant. */
  to?: Date | string;
  /** Only these servers (names as synced); all when missing. */
  servers?: readonly string[];
}

export interface ArchivedSession {
  server: string;
  session: RestoreSession;
}

export interface ArchivedSessionWithEvents extends ArchivedSession {
  /** In the server's order (`order`), start and end markers included. */
  events: RestoreSessionEvent[];
  /** What a v8 server counted for the session; missing for v6 and v7 servers. */
  statistics?: RestoreStatistics;
}

export interface ArchiveReader {
  readonly location: ArchiveLocation;
  /** Sessions in the window, newest first, streamed in chunks (memory stays flat). */
  sessions(window?: SessionWindow): AsyncIterable<ArchivedSession>;
  /** The sessions with their events (and v8 statistics), newest first. */
  sessionsWithEvents(window?: SessionWindow): AsyncIterable<ArchivedSessionWithEvents>;
  /** One session's events in order; empty when the archive does not know the session. */
  events(server: string, sessionId: string): Promise<RestoreSessionEvent[]>;
  /** Every archived copy of a session id (one per server that had it). */
  findSession(sessionId: string): Promise<ArchivedSession[]>;
  statistics(server: string, sessionId: string): Promise<RestoreStatistics | undefined>;
  /** Per server: counts, oldest and newest session, the last sync and its outcome. */
  status(): Promise<ServerStatus[]>;
  close(): Promise<void>;
}

const CHUNK = 1000;
const EVENTS_CHUNK = 50;

/** Opens an archive for reading (`--archive` / VBM365_ARCHIVE text, or a location). Never writes. */
export async function openArchive(setting?: string | ArchiveLocation): Promise<ArchiveReader> {
  const location = typeof setting === "object" ? setting : archiveLocation(setting);
  const { db, close } = await openDatabase(location, { create: false });
  try {
    const version = await schemaVersion(db);
    if (version === 0) throw new ArchiveError(`${location.label} holds no archive yet: run 'vbm365-audit archive sync' first`, "empty");
    refuseNewer(version, location.label);
    if (version < SCHEMA_VERSION) {
      throw new ArchiveError(
        `the archive ${location.label} has schema version ${version}, older than this release's ${SCHEMA_VERSION}: run 'vbm365-audit archive sync' once to upgrade it`,
        "empty",
      );
    }
  } catch (error) {
    await close();
    throw describeDatabaseError(error, location);
  }
  return readerOf(db, location, close);
}

function readerOf(db: Kysely<ArchiveDatabase>, location: ArchiveLocation, close: () => Promise<void>): ArchiveReader {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw describeDatabaseError(error, location);
    }
  };

  async function* sessionRows(window: SessionWindow) {
    const from = window.from === undefined ? undefined : boundKey(window.from);
    const to = window.to === undefined ? undefined : boundKey(window.to);
    let after: { creation: string; server: string; id: string } | undefined;
    for (;;) {
      const rows = await guard(() => {
        let query = db.selectFrom("sessions").select(["server", "id", "creation_utc", "raw", "statistics_raw"]);
        if (from !== undefined) query = query.where("creation_utc", ">=", from);
        if (to !== undefined) query = query.where("creation_utc", "<=", to);
        if (window.servers) query = query.where("server", "in", window.servers.length > 0 ? [...window.servers] : [""]);
        // Keyset paging on the index (creation_utc, server, id): each chunk is one range scan.
        if (after) {
          const { creation, server, id } = after;
          query = query.where((eb) => eb(eb.refTuple("creation_utc", "server", "id"), "<", eb.tuple(creation, server, id)));
        }
        return query.orderBy("creation_utc", "desc").orderBy("server", "desc").orderBy("id", "desc").limit(CHUNK).execute();
      });
      yield rows;
      if (rows.length < CHUNK) return;
      const last = rows.at(-1)!;
      after = { creation: last.creation_utc, server: last.server, id: last.id };
    }
  }

  const eventsOf = async (server: string, ids: readonly string[]) => {
    const rows = await guard(() =>
      db
        .selectFrom("events")
        .select(["session_id", "raw"])
        .where("server", "=", server)
        .where("session_id", "in", [...ids])
        .orderBy("session_id")
        .orderBy("event_order")
        .execute(),
    );
    const bySession = new Map<string, RestoreSessionEvent[]>();
    for (const row of rows) {
      const list = bySession.get(row.session_id) ?? [];
      list.push(JSON.parse(row.raw) as RestoreSessionEvent);
      bySession.set(row.session_id, list);
    }
    return bySession;
  };

  /** The events of these sessions, by server and session id. */
  const eventsBySession = async (rows: readonly { server: string; id: string }[]) => {
    const byServer = new Map<string, Map<string, RestoreSessionEvent[]>>();
    for (const server of new Set(rows.map((row) => row.server))) {
      const ids = rows.filter((row) => row.server === server).map((row) => row.id);
      byServer.set(server, await eventsOf(server, ids));
    }
    return byServer;
  };

  return {
    location,
    async *sessions(window = {}) {
      for await (const rows of sessionRows(window)) {
        for (const row of rows) yield { server: row.server, session: JSON.parse(row.raw) as RestoreSession };
      }
    },
    async *sessionsWithEvents(window = {}) {
      for await (const chunk of sessionRows(window)) {
        // Events are read for a few sessions at a time: a reader that allocates while it
        // consumes them (a report) would otherwise keep a whole chunk's events alive through
        // its garbage collections, which then copy and promote them.
        for (let start = 0; start < chunk.length; start += EVENTS_CHUNK) {
          const rows = chunk.slice(start, start + EVENTS_CHUNK);
          const events = await eventsBySession(rows);
          for (const row of rows) {
            yield {
              server: row.server,
              session: JSON.parse(row.raw) as RestoreSession,
              events: events.get(row.server)?.get(row.id) ?? [],
              ...(row.statistics_raw ? { statistics: JSON.parse(row.statistics_raw) as RestoreStatistics } : {}),
            };
          }
        }
      }
    },
    async events(server, sessionId) {
      return (await eventsOf(server, [sessionId])).get(sessionId) ?? [];
    },
    async findSession(sessionId) {
      const rows = await guard(() =>
        db.selectFrom("sessions").select(["server", "raw"]).where("id", "=", sessionId).orderBy("server").execute(),
      );
      return rows.map((row) => ({ server: row.server, session: JSON.parse(row.raw) as RestoreSession }));
    },
    async statistics(server, sessionId) {
      const row = await guard(() =>
        db.selectFrom("sessions").select("statistics_raw").where("server", "=", server).where("id", "=", sessionId).executeTakeFirst(),
      );
      return row?.statistics_raw ? (JSON.parse(row.statistics_raw) as RestoreStatistics) : undefined;
    },
    status: () => guard(() => archiveStatus(db)),
    close,
  };
}
