// The two storage backends every archive test runs on: a fresh SQLite file or a fresh
// database in the test cluster (see global-setup.ts) per call.
import { createVbm365Client, type RestoreSession } from "@vbm365/client";
import type { TestServer } from "@vbm365/testkit";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openArchive } from "../src/index.js";

export interface Backend {
  name: "sqlite" | "postgres";
  /** Empty when the backend cannot run here (the global setup said why, loudly). */
  available: boolean;
  /** A new, empty archive's setting. */
  fresh(): Promise<string>;
}

let counter = 0;

export const BACKENDS: Backend[] = [
  {
    name: "sqlite",
    available: true,
    fresh: async () => join(mkdtempSync(join(tmpdir(), "vbm365-archive-")), "archive.db"),
  },
  {
    name: "postgres",
    available: inject("postgresRoot") !== "",
    async fresh() {
      const root = inject("postgresRoot");
      const name = `archive_${process.pid}_${++counter}_${Date.now() % 100000}`;
      const admin = new pg.Client({ connectionString: `${root}/postgres` });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      return `${root}/${name}`;
    },
  },
];

export function clientOf(server: TestServer) {
  return createVbm365Client({ baseUrl: server.url, auth: { token: server.token }, apiVersion: "auto" });
}

export interface ArchivedView {
  id: string;
  state: string;
  eventIds: string[];
}

/** Everything the archive holds, newest first, for one server. */
export async function archived(setting: string, server = "default"): Promise<ArchivedView[]> {
  const archive = await openArchive(setting);
  try {
    const views: ArchivedView[] = [];
    for await (const item of archive.sessionsWithEvents({ servers: [server] })) {
      views.push({ id: item.session.id, state: item.session.state, eventIds: item.events.map((event) => event.id) });
    }
    return views;
  } finally {
    await archive.close();
  }
}

/** Everything the archive holds, read in one list across servers, then split by server. */
export async function archivedTogether(setting: string): Promise<Map<string, ArchivedView[]>> {
  const archive = await openArchive(setting);
  try {
    const byServer = new Map<string, ArchivedView[]>();
    for await (const item of archive.sessionsWithEvents()) {
      const views = byServer.get(item.server) ?? [];
      views.push({ id: item.session.id, state: item.session.state, eventIds: item.events.map((event) => event.id) });
      byServer.set(item.server, views);
    }
    return byServer;
  } finally {
    await archive.close();
  }
}

/** What the server serves now, in the same shape. */
export async function served(server: TestServer): Promise<ArchivedView[]> {
  const client = clientOf(server);
  const views: ArchivedView[] = [];
  const sessions: RestoreSession[] = [];
  for await (const session of client.restoreSessions.iterate({ pageSize: 1000 })) sessions.push(session);
  for (const session of sessions) {
    const eventIds: string[] = [];
    for await (const event of client.restoreSessions.events(session.id, { pageSize: 1000 })) eventIds.push(event.id);
    views.push({ id: session.id, state: session.state, eventIds });
  }
  return views;
}
