// archive sync, archive status and --archive, through the built CLI, on SQLite and on a
// real PostgreSQL server (a cluster this file starts on loopback).
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PG_PASSWORD, postgresMissing, startPostgres, type PostgresCluster } from "@vbm365/test-support/postgres";
import { lines, runCli } from "./run-cli.js";
import { tokenEnv } from "./testkit-server.js";

const NOW = "2026-11-30T12:00:00Z";
const WINDOW = ["--from", "2026-11-28T00:00:00Z", "--to", "2026-11-29T12:00:00Z"];
let server: TestServer;
let cluster: PostgresCluster | undefined;
const pgMissing = postgresMissing();
if (pgMissing) console.warn(`\n*** SKIPPING the PostgreSQL archive CLI tests: ${pgMissing} ***\n`);

beforeAll(async () => {
  server = await startTestServer({ sessions: 300, seed: 21, now: NOW });
  if (!pgMissing) cluster = await startPostgres();
});
afterAll(async () => {
  await server?.close();
  cluster?.stop();
});

const freshSqlite = async () => join(mkdtempSync(join(tmpdir(), "vbm365-audit-archive-")), "restores.db");
async function freshPostgres(): Promise<string> {
  const name = `audit_archive_${Date.now() % 1_000_000}_${Math.floor(Math.random() * 1000)}`;
  const admin = new pg.Client({ connectionString: `${cluster!.root}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return `${cluster!.root}/${name}`;
}

const backends = [
  { name: "sqlite", available: true, fresh: freshSqlite },
  { name: "postgres", available: !pgMissing, fresh: freshPostgres },
];

for (const backend of backends) {
  describe.skipIf(!backend.available)(`the archive on ${backend.name}`, () => {
    let archive: string;
    beforeAll(async () => {
      archive = await backend.fresh();
      const synced = await runCli(["archive", "sync", "--archive", archive], { env: tokenEnv(server) });
      expect(synced.stderr).toBe("");
      expect(synced.code).toBe(0);
      // The archive's URL is shown without its password.
      expect(synced.stdout).not.toContain(PG_PASSWORD);
      expect(lines(synced.stdout)).toEqual([
        expect.stringMatching(
          /^vbm365-audit: archive sync of default \(REST API v8\) into .*: 300 sessions seen, 300 added, 0 updated, \d+ events stored, 0 marked pruned in [\d.]+s \(\d+ sessions\/s\)$/,
        ),
      ]);
    });

    test("sessions --archive prints the same rows as the live command for the same window", async () => {
      for (const format of ["ndjson", "csv"]) {
        const live = await runCli(["sessions", ...WINDOW, "--format", format], { env: tokenEnv(server) });
        const archived = await runCli(["sessions", ...WINDOW, "--format", format, "--archive", archive]);
        expect(archived.code).toBe(0);
        expect(lines(live.stdout).length).toBeGreaterThan(100);
        expect(archived.stdout).toBe(live.stdout);
      }
    });

    test("report, events and check read the archive with the live command's output", async () => {
      const live = await runCli(["report", ...WINDOW, "--type", "teams", "--format", "csv"], { env: tokenEnv(server) });
      const archived = await runCli(["report", ...WINDOW, "--type", "teams", "--format", "csv", "--archive", archive]);
      expect(lines(archived.stdout).length).toBeGreaterThan(10);
      expect(archived.stdout).toBe(live.stdout);

      const id = JSON.parse(
        lines(
          live.stdout.length > 0 ? (await runCli(["sessions", ...WINDOW, "--format", "ndjson"], { env: tokenEnv(server) })).stdout : "",
        )[0]!,
      ).id as string;
      const liveEvents = await runCli(["events", id, "--format", "json"], { env: tokenEnv(server) });
      // A bare --archive before the id takes VBM365_ARCHIVE.
      const archivedEvents = await runCli(["events", "--archive", id, "--format", "json"], { env: { VBM365_ARCHIVE: archive } });
      expect(archivedEvents.stdout).toBe(liveEvents.stdout);

      const liveCheck = await runCli(["check", ...WINDOW], { env: tokenEnv(server) });
      const archivedCheck = await runCli(["check", ...WINDOW, "--archive", archive]);
      expect([archivedCheck.code, archivedCheck.stdout]).toEqual([liveCheck.code, liveCheck.stdout]);
    });

    test("archive status lists the server with its counts and last sync", async () => {
      const status = await runCli(["archive", "status", "--archive", archive, "--format", "json"]);
      expect(status.code).toBe(0);
      const [row] = JSON.parse(status.stdout) as Record<string, unknown>[];
      expect(row).toMatchObject({ server: "default", url: server.url, apiVersion: "v8", sessions: 300, pruned: 0, lastSyncOutcome: "ok" });
      expect(row!.newest).toBe(
        server.data.session(0).creationTime.replace(/(\.\d+)?Z$/, (fraction) => `${fraction.slice(0, -1).padEnd(8, "0")}Z`),
      );
    });
  });
}

describe("archive on the command line", () => {
  test("a second sync with --quiet prints nothing and adds nothing", async () => {
    const archive = await freshSqlite();
    await runCli(["archive", "sync", "--archive", archive, "--name", "vbm01"], { env: tokenEnv(server) });
    const again = await runCli(["archive", "sync", "--quiet", "--name", "vbm01"], {
      env: { ...tokenEnv(server), VBM365_ARCHIVE: archive },
    });
    expect([again.code, again.stdout, again.stderr]).toEqual([0, "", ""]);
    const status = await runCli(["archive", "status", "--archive", archive, "--format", "ndjson"]);
    expect(JSON.parse(lines(status.stdout)[0]!)).toMatchObject({ server: "vbm01", sessions: 300 });
  });

  test("a file that is not an archive is one line and exit 74, for the sync and for readers", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "vbm365-audit-archive-")), "notes.db");
    writeFileSync(file, "not a database, ".repeat(100));
    const sync = await runCli(["archive", "sync", "--archive", file], { env: tokenEnv(server) });
    expect([sync.code, lines(sync.stderr)]).toEqual([
      74,
      [expect.stringMatching(/^vbm365-audit: the archive file .*notes\.db is not an SQLite database or is damaged: point --archive/)],
    ]);
    const read = await runCli(["sessions", "--all", "--archive", file]);
    expect([read.code, lines(read.stderr).length]).toEqual([74, 1]);
    const missing = await runCli(["sessions", "--all", "--archive", `${file}.missing`]);
    expect(missing.stderr).toMatch(/there is no archive at .*notes\.db\.missing: run 'vbm365-audit archive sync' first/);
  });

  test("mistakes on the command line are usage errors", async () => {
    const unknown = await runCli(["archive", "prune"]);
    expect([unknown.code, unknown.stderr]).toEqual([
      64,
      expect.stringMatching(/unknown archive action 'prune': use 'archive sync' or 'archive status'/),
    ]);
    const noServer = await runCli(["archive", "sync"]);
    expect([noServer.code, noServer.stderr]).toEqual([64, expect.stringMatching(/no server to archive: set VBM365_URL=/)]);
    const both = await runCli(["sessions", "--url", server.url, "--archive"]);
    expect([both.code, both.stderr]).toEqual([64, expect.stringMatching(/--url and --archive exclude each other/)]);
  });
});
