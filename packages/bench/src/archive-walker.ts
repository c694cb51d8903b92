// Child process of the archive benchmark: reads every session of the server with its
// events (and v8 statistics), either as a plain client walk (the baseline: what a sync
// must read, stored nowhere) or as `syncArchive` into SQLite or PostgreSQL. Prints counts,
// time and its own peak RSS as one JSON line.
import { syncArchive } from "@vbm365/archive";
import { createVbm365Client, PAGE_SIZE, type RestoreSession } from "@vbm365/client";
import { peakRssBytes } from "./peak-rss.js";

export interface ArchiveWalkReport {
  mode: string;
  sessions: number;
  events: number;
  ms: number;
  peakRssBytes: number;
}

/** Sessions read at once, as the sync does by default. */
const CONCURRENCY = 8;

async function* inFlight<T, R>(source: AsyncIterable<T>, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of source) {
    pending.push(fn(item));
    if (pending.length >= CONCURRENCY) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

async function walk(baseUrl: string, token: string): Promise<{ sessions: number; events: number }> {
  const client = createVbm365Client({ baseUrl, auth: { token }, apiVersion: "auto" });
  const v8 = (await client.apiVersion()) === "v8";
  const read = async (session: RestoreSession) => {
    let events = 0;
    for await (const event of client.restoreSessions.events(session.id, { pageSize: PAGE_SIZE.max })) events += event.id.length > 0 ? 1 : 0;
    if (v8) await client.restoreSessions.statistics(session.id);
    return events;
  };
  let sessions = 0;
  let events = 0;
  for await (const count of inFlight(client.restoreSessions.iterate({ pageSize: PAGE_SIZE.max }), read)) {
    sessions++;
    events += count;
  }
  return { sessions, events };
}

async function sync(setting: string, baseUrl: string, token: string): Promise<{ sessions: number; events: number }> {
  const client = createVbm365Client({ baseUrl, auth: { token }, apiVersion: "auto" });
  const summary = await syncArchive(setting, client, { concurrency: CONCURRENCY });
  return { sessions: summary.sessionsAdded, events: summary.eventsStored };
}

async function main(): Promise<void> {
  const [mode, baseUrl, token, setting] = process.argv.slice(2);
  if ((mode !== "walk" && mode !== "sync") || !baseUrl || !token || (mode === "sync" && !setting)) {
    throw new Error("usage: archive-walker.js walk <baseUrl> <token> | sync <baseUrl> <token> <archive setting>");
  }
  const started = performance.now();
  const counts = mode === "walk" ? await walk(baseUrl, token) : await sync(setting!, baseUrl, token);
  const report: ArchiveWalkReport = { mode, ...counts, ms: performance.now() - started, peakRssBytes: peakRssBytes() };
  console.log(JSON.stringify(report));
}

await main();
