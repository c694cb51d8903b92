import { startTestServer, type TestServer } from "@vbm365/testkit";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { openArchive, syncArchive } from "../src/index.js";
import { archived, BACKENDS, clientOf, served } from "./backends.js";

const CHILD = fileURLToPath(new URL("./fixtures/sync-child.mjs", import.meta.url));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
});

/** Starts a sync in a child process and SIGKILLs it once it has stored at least `after` sessions. */
async function killSyncAfter(setting: string, target: TestServer, after: number): Promise<number> {
  const child = spawn(process.execPath, [CHILD, setting, target.url, target.token], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stored = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        const match = /^stored (\d+)$/.exec(line);
        if (match) stored = Number(match[1]);
        if (stored >= after && child.exitCode === null) child.kill("SIGKILL");
      }
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve(stored) : reject(new Error(`the sync ended before it was killed (${code}): ${stderr}`)),
    );
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`a sync killed with SIGKILL on ${backend.name}`, () => {
    test("leaves only whole sessions, and a rerun gives exactly the server's sessions and events", async () => {
      server = await startTestServer({ sessions: 600, seed: 11, now: "2026-11-30T12:00:00Z" });
      const setting = await backend.fresh();
      const storedWhenKilled = await killSyncAfter(setting, server, 100);
      expect(storedWhenKilled).toBeGreaterThanOrEqual(100);

      const live = new Map((await served(server)).map((session) => [session.id, session]));
      const partial = await archived(setting);
      expect(partial.length).toBeGreaterThanOrEqual(100);
      expect(partial.length).toBeLessThan(600);
      // Every stopped session archived so far has all of its events: none is half-written.
      for (const session of partial.filter((each) => each.state === "Stopped"))
        expect(session.eventIds).toEqual(live.get(session.id)!.eventIds);

      // A second kill at another point, then a sync that runs to the end.
      await killSyncAfter(setting, server, 20);
      await syncArchive(setting, clientOf(server));
      expect(await archived(setting)).toEqual([...live.values()]);
      const archive = await openArchive(setting);
      try {
        const [status] = await archive.status();
        expect(status).toMatchObject({ sessions: 600, lastSync: { outcome: "ok" } });
      } finally {
        await archive.close();
      }
    });
  });
}
