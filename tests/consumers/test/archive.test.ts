// The restore archive from the installed tarballs: the globally installed CLI syncs a
// testkit into an SQLite archive (better-sqlite3, a native module, as npm installed it)
// and reads it back.
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedAudit as audit } from "./support/installed-cli.js";
import { scratch } from "./support/scratch.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sessions: 30, seed: 5 });
});
afterAll(() => server?.close());

describe("the archive with the CLI installed by npm install -g", () => {
  it("archive sync fills an SQLite file that sessions --archive reads", async () => {
    const archive = join(scratch().root, "restores.db");
    const synced = await audit(["archive", "sync", "--quiet", "--archive", archive], {
      VBM365_URL: server.url,
      VBM365_TOKEN: server.token,
    });
    expect([synced.code, synced.stderr]).toEqual([0, ""]);
    const read = await audit(["sessions", "--all", "--format", "json", "--archive", archive]);
    expect(read.code, read.stderr).toBe(0);
    expect((JSON.parse(read.stdout) as { id: string }[]).map((row) => row.id)).toEqual([...server.data.sessionIds()]);
  });
});
