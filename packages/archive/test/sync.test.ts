import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterEach, describe, expect, test } from "vitest";
import { openArchive, syncArchive } from "../src/index.js";
import { archived, BACKENDS, clientOf, served } from "./backends.js";

const NOW = "2026-11-30T12:00:00Z";
const servers: TestServer[] = [];
async function serve(sessions: number, seed = 3): Promise<TestServer> {
  const server = await startTestServer({ sessions, seed, now: NOW });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// List requests the server answered (the client's version probe is an anonymous 401).
const listRequests = (server: TestServer) =>
  server.requestLog.filter((record) => /\/restoresessions$/i.test(record.path) && record.status === 200);
const eventRequests = (server: TestServer) => server.requestLog.filter((record) => /\/events$/i.test(record.path));

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`archive sync on ${backend.name}`, () => {
    test("the first sync takes the whole history; the next one starts at the newest session less the overlap", async () => {
      const server = await serve(240);
      const setting = await backend.fresh();
      const first = await syncArchive(setting, clientOf(server), { pageSize: 100 });
      expect(first.sessionsAdded).toBe(240);
      expect(await archived(setting)).toEqual(await served(server));
      expect(listRequests(server)[0]!.query.startTimeFrom).toBeUndefined();

      server.addSessions(15);
      server.requestLog.length = 0;
      const second = await syncArchive(setting, clientOf(server), { pageSize: 100, overlapMs: 3_600_000 });
      expect(second.sessionsAdded).toBe(15);
      expect(await archived(setting)).toEqual(await served(server));
      // Position 15 is now the newest session the server had before the 15 arrived.
      const newestBefore = server.data.session(15).creationTime;
      const from = listRequests(server)[0]!.query.startTimeFrom!;
      expect(Date.parse(newestBefore) - Date.parse(from)).toBe(3_600_000);
      // The older part is walked too (for sessions a killed sync never reached, and pruning).
      expect(listRequests(server).some((record) => record.query.startTimeTo === from)).toBe(true);
    });

    test("a second sync adds nothing and reads no events of stopped sessions again", async () => {
      const server = await serve(120);
      const setting = await backend.fresh();
      await syncArchive(setting, clientOf(server));
      const before = await archived(setting);
      const working = before.filter((session) => session.state === "Working").length;
      server.requestLog.length = 0;
      const again = await syncArchive(setting, clientOf(server));
      expect(again.sessionsAdded).toBe(0);
      expect(again.sessionsPruned).toBe(0);
      // Only sessions Working at the first sync are read again.
      expect(eventRequests(server)).toHaveLength(working);
      expect(await archived(setting)).toEqual(before);
    });

    test("sessions the server has pruned stay in the archive, marked pruned", async () => {
      const full = await serve(90, 5);
      const setting = await backend.fresh();
      await syncArchive(setting, clientOf(full));
      // Same seed and clock, fewer sessions: the same newest 60, the oldest 30 gone.
      const pruned = await serve(60, 5);
      const summary = await syncArchive(setting, clientOf(pruned));
      expect(summary.sessionsPruned).toBe(30);
      const kept = await archived(setting);
      expect(kept.map((session) => session.id)).toEqual((await served(full)).map((session) => session.id));
      const archive = await openArchive(setting);
      try {
        const [status] = await archive.status();
        expect(status).toMatchObject({ server: "default", sessions: 90, pruned: 30, lastSync: { outcome: "ok" } });
      } finally {
        await archive.close();
      }
    });

    test("a session Working when synced is completed by a later sync", async () => {
      const server = await serve(20);
      server.addSessions(3);
      const client = clientOf(server);
      const setting = await backend.fresh();
      await syncArchive(setting, client);
      const working = (await archived(setting)).find((session) => session.state === "Working");
      expect(working?.state).toBe("Working");
      await client.restoreSessions.stop(working!.id);
      await syncArchive(setting, client);
      const after = (await archived(setting)).find((session) => session.id === working!.id)!;
      expect(after.state).toBe("Stopped");
      const live = (await served(server)).find((session) => session.id === working!.id)!;
      expect(after.eventIds).toEqual(live.eventIds);
      expect(after.eventIds.length).toBeGreaterThan(working!.eventIds.length);
    });

    test("sessions from two servers are kept apart by server name", async () => {
      const one = await serve(30, 1);
      const two = await serve(40, 2);
      const setting = await backend.fresh();
      await syncArchive(setting, clientOf(one), { server: "one" });
      await syncArchive(setting, clientOf(two), { server: "two" });
      expect(await archived(setting, "one")).toEqual(await served(one));
      expect(await archived(setting, "two")).toEqual(await served(two));
      const archive = await openArchive(setting);
      try {
        expect((await archive.status()).map((status) => [status.server, status.sessions])).toEqual([
          ["one", 30],
          ["two", 40],
        ]);
      } finally {
        await archive.close();
      }
    });
  });
}
