// archive sync: copies one server's restore history into the archive.
//
// Two walks of the server's session list, newest first: from the newest archived session
// (less an overlap, for sessions that appear late) up to now, then everything older. A
// session the archive holds unchanged and Stopped only has its last_seen moved; any other
// (new, changed, or Working when last seen) is read whole (events, v8 statistics, its
// organization) and stored in a transaction with its events. Once both walks completed,
// archived sessions the server no longer lists are marked pruned.
import {
  PAGE_SIZE,
  type ApiVersion,
  type BackupOrganization,
  type RestoreSession,
  type RestoreSessionsApi,
  type RestoreStatistics,
} from "@vbm365/client";
import { ArchiveError, describeDatabaseError } from "./errors.js";
import { chunked, mapOrdered } from "./ordered.js";
import { checkedEvent, checkedOrganization, checkedSession, checkedStatistics, GarbageAnswerError, type SessionRecord } from "./rows.js";
import { finishRun, recordApiVersion, startRun, type RunCounts } from "./runs.js";
import { archivedStates, markPruned, storeRecords, touchSessions, type ArchivedState } from "./store.js";
import type { ArchiveLocation } from "./setting.js";
import { utcKey } from "./time.js";

/** What the sync needs of a client: any @vbm365/client client (statistics only on v8). */
export interface SyncClient {
  apiVersion(): Promise<ApiVersion>;
  restoreSessions: RestoreSessionsApi & { statistics?: (id: string) => Promise<RestoreStatistics> };
}

export interface SyncProgress {
  sessionsSeen: number;
  sessionsStored: number;
  eventsStored: number;
  elapsedMs: number;
  /** The creation time of the session the walk is at (UTC text). */
  reachedCreation?: string;
}

export interface SyncOptions {
  /** The server's name in the archive; "default" for the one VBM365_URL names. */
  server?: string;
  /** The server's URL, recorded for `archive status` (never with credentials). */
  url?: string;
  /** How far before the newest archived session the walk starts (default 24 h). */
  overlapMs?: number;
  /** Sessions whose events are fetched at once (default 8). */
  concurrency?: number;
  /** Sessions per list request (default the server's maximum). */
  pageSize?: number;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncSummary extends RunCounts {
  server: string;
  apiVersion: ApiVersion;
  sessionsSeen: number;
  elapsedMs: number;
}

const DEFAULT_OVERLAP_MS = 24 * 3_600_000;
// Sessions looked up in the archive at once, and fetched sessions written per transaction.
const LOOKUP_CHUNK = 1000;
const WRITE_BATCH = 100;

/** One server's sync on a database the caller has locked, opened and migrated (sync-session.ts). */
export async function syncServer(
  db: Parameters<typeof storeRecords>[0],
  location: ArchiveLocation,
  client: SyncClient,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const server = options.server ?? "default";
  const started = new Date().toISOString();
  const runId = await startRun(db, server, options.url, started).catch((error: unknown) => {
    throw describeDatabaseError(error, location);
  });
  const walk = new SyncWalk(db, client, server, options, started);
  try {
    const summary = await walk.run();
    await finishRun(db, runId, "ok", summary, null);
    return summary;
  } catch (error) {
    const failure = sortFailure(error, location);
    // Best effort: with the database itself failing this write fails too, and the next
    // sync marks the run interrupted.
    const message = failure instanceof Error ? failure.message : String(failure);
    await finishRun(db, runId, "failed", walk.counts, message).catch(() => {});
    throw failure;
  }
}

/**
 * The server's errors (the client's Vbm365* errors) and garbage answers pass through as
 * they are; anything else came from the database and gets the archive's one-line message.
 */
function sortFailure(error: unknown, location: ArchiveLocation): unknown {
  if (error instanceof ArchiveError || error instanceof GarbageAnswerError) return error;
  if (error instanceof Error && error.name.startsWith("Vbm365")) return error;
  return describeDatabaseError(error, location);
}

type Planned = { session: RestoreSession; archived: ArchivedState | undefined; fetch: boolean };

class SyncWalk {
  readonly counts: RunCounts = { sessionsAdded: 0, sessionsUpdated: 0, eventsStored: 0, sessionsPruned: 0 };
  private seen = 0;
  private readonly startedAt = Date.now();
  private apiVersion: ApiVersion = "v6";
  private readonly organizations = new Map<string, Promise<BackupOrganization | undefined>>();
  private newOrganizations: BackupOrganization[] = [];

  constructor(
    private readonly db: Parameters<typeof storeRecords>[0],
    private readonly client: SyncClient,
    private readonly server: string,
    private readonly options: SyncOptions,
    private readonly started: string,
  ) {}

  async run(): Promise<SyncSummary> {
    this.apiVersion = await this.client.apiVersion();
    await recordApiVersion(this.db, this.server, this.apiVersion);
    const newest = await this.db
      .selectFrom("sessions")
      .select((eb) => eb.fn.max("creation_utc").as("newest"))
      .where("server", "=", this.server)
      .executeTakeFirst();
    const pageSize = this.options.pageSize ?? PAGE_SIZE.max;
    if (newest?.newest) {
      const from = new Date(Date.parse(newest.newest) - (this.options.overlapMs ?? DEFAULT_OVERLAP_MS));
      await this.walk(this.client.restoreSessions.iterate({ startTimeFrom: from, pageSize }));
      await this.walk(this.client.restoreSessions.iterate({ startTimeTo: from, pageSize }));
    } else {
      await this.walk(this.client.restoreSessions.iterate({ pageSize }));
    }
    this.counts.sessionsPruned = await markPruned(this.db, this.server, this.started);
    return {
      ...this.counts,
      server: this.server,
      apiVersion: this.apiVersion,
      sessionsSeen: this.seen,
      elapsedMs: Date.now() - this.startedAt,
    };
  }

  private async walk(sessions: AsyncIterable<RestoreSession>): Promise<void> {
    const planned = this.plan(sessions);
    const fetched = mapOrdered(planned, this.options.concurrency ?? 8, (item) => this.read(item));
    let batch: { record: SessionRecord; isNew: boolean }[] = [];
    let touched: string[] = [];
    // One batch is written while the next is read: the server keeps working during a write.
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const item of fetched) {
        if (item.record) batch.push({ record: item.record, isNew: item.isNew });
        else touched.push(item.id);
        if (batch.length >= WRITE_BATCH || touched.length >= LOOKUP_CHUNK) {
          await writing;
          writing = this.write(batch, touched);
          // A failed write is reported when it is awaited; until then it must not be "unhandled".
          writing.catch(() => {});
          batch = [];
          touched = [];
        }
      }
      await writing;
    } catch (error) {
      // The sessions read whole so far are kept: the next sync need not read them again.
      await writing.catch(() => {});
      await this.write(batch, touched).catch(() => {});
      throw error;
    }
    await this.write(batch, touched);
  }

  /** Looks up each chunk of listed sessions in the archive: which must be read whole. */
  private async *plan(sessions: AsyncIterable<RestoreSession>): AsyncGenerator<Planned> {
    // About one list page per lookup, so reading events starts with the first page.
    for await (const chunk of chunked(sessions, Math.min(LOOKUP_CHUNK, this.options.pageSize ?? LOOKUP_CHUNK))) {
      const checked = chunk.map(checkedSession);
      const states = await archivedStates(
        this.db,
        this.server,
        checked.map((session) => session.id),
      );
      for (const session of checked) {
        const archived = states.get(session.id);
        // A Working session is read again until it has stopped; a changed one is read again.
        const fetch = archived === undefined || archived.state === "Working" || archived.raw !== JSON.stringify(session);
        yield { session, archived, fetch };
      }
    }
  }

  private async read({ session, archived, fetch }: Planned): Promise<{ id: string; isNew: boolean; record?: SessionRecord }> {
    const isNew = archived === undefined;
    if (!fetch) return { id: session.id, isNew };
    const { restoreSessions } = this.client;
    const events = [];
    for await (const event of restoreSessions.events(session.id, { pageSize: PAGE_SIZE.max })) events.push(checkedEvent(event));
    const statistics =
      this.apiVersion === "v8" && restoreSessions.statistics ? checkedStatistics(await restoreSessions.statistics(session.id)) : undefined;
    const organization = await this.organizationOf(session);
    return {
      id: session.id,
      isNew,
      record: { session, events, ...(statistics ? { statistics } : {}), ...(organization ? { organizationId: organization.id } : {}) },
    };
  }

  /** One organization request per organization name and sync (a server has few). */
  private organizationOf(session: RestoreSession): Promise<BackupOrganization | undefined> {
    const name = session.organization ?? "";
    let found = this.organizations.get(name);
    if (!found) {
      found = this.client.restoreSessions.organization(session.id).then((organization) => {
        const checked = checkedOrganization(organization);
        this.newOrganizations.push(checked);
        return checked;
      });
      this.organizations.set(name, found);
    }
    return found;
  }

  private async write(batch: { record: SessionRecord; isNew: boolean }[], touched: string[]): Promise<void> {
    const organizations = this.newOrganizations;
    this.newOrganizations = [];
    await storeRecords(
      this.db,
      this.server,
      this.apiVersion,
      batch.map((item) => item.record),
      organizations,
      this.started,
    );
    await touchSessions(this.db, this.server, touched, this.started);
    for (const { record, isNew } of batch) {
      if (isNew) this.counts.sessionsAdded++;
      else this.counts.sessionsUpdated++;
      this.counts.eventsStored += record.events.length;
    }
    this.seen += batch.length + touched.length;
    const last = batch.at(-1)?.record.session.creationTime;
    this.options.onProgress?.({
      sessionsSeen: this.seen,
      sessionsStored: this.counts.sessionsAdded + this.counts.sessionsUpdated,
      eventsStored: this.counts.eventsStored,
      elapsedMs: Date.now() - this.startedAt,
      ...(last ? { reachedCreation: utcKey(last) } : {}),
    });
  }
}
