// openArchiveSync: several servers synced into one archive at the same time under one sync
// lock (what `vbm365-audit archive sync --all-servers` does), on SQLite and PostgreSQL.
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterEach, describe, expect, test } from "vitest";
import { openArchive, openArchiveSync, syncArchive, type ArchiveError, type SyncSummary } from "../src/index.js";
import { archived, archivedTogether, BACKENDS, clientOf, served } from "./backends.js";

const NOW = "2026-11-30T12:00:00Z";
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`openArchiveSync on ${backend.name}`, () => {
    test("servers synced at once each land whole under their own name, with their own run", async () => {
      const [first, second] = await Promise.all([
        startTestServer({ sessions: 70, seed: 4, now: NOW }),
        startTestServer({ sessions: 45, seed: 9, now: NOW }),
      ]);
      servers.push(first, second);
      const setting = await backend.fresh();
      const archive = await openArchiveSync(setting);
      let summaries: SyncSummary[];
      try {
        summaries = await Promise.all([
          archive.sync(clientOf(first), { server: "eu", pageSize: 20 }),
          archive.sync(clientOf(second), { server: "us", pageSize: 20 }),
        ]);
      } finally {
        await archive.close();
      }
      expect(summaries.map((summary) => [summary.server, summary.sessionsAdded])).toEqual([
        ["eu", 70],
        ["us", 45],
      ]);
      expect(await archived(setting, "eu")).toEqual(await served(first));
      expect(await archived(setting, "us")).toEqual(await served(second));
      // Unfiltered, both servers' sessions interleave in one list; each keeps its own events.
      const together = await archivedTogether(setting);
      expect(together.get("eu")).toEqual(await served(first));
      expect(together.get("us")).toEqual(await served(second));
      const reader = await openArchive(setting);
      try {
        const status = await reader.status();
        expect(status.map((row) => [row.server, row.sessions, row.lastSync?.outcome])).toEqual([
          ["eu", 70, "ok"],
          ["us", 45, "ok"],
        ]);
      } finally {
        await reader.close();
      }
    });

    test("while one is open, another sync of the same archive is refused as busy, and allowed after close", async () => {
      const server = await startTestServer({ sessions: 10, seed: 4, now: NOW });
      servers.push(server);
      const setting = await backend.fresh();
      const archive = await openArchiveSync(setting);
      try {
        const refused = await syncArchive(setting, clientOf(server)).catch((error: ArchiveError) => error);
        expect((refused as ArchiveError).kind).toBe("busy");
      } finally {
        await archive.close();
      }
      expect((await syncArchive(setting, clientOf(server))).sessionsAdded).toBe(10);
    });
  });
}
