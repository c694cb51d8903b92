import { startTestServer, type TestServer } from "@vbm365/testkit";
import Database from "better-sqlite3";
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, inject, test } from "vitest";
import { ArchiveError, openArchive, syncArchive } from "../src/index.js";
import { describeDatabaseError } from "../src/errors.js";
import { archiveLocation } from "../src/setting.js";
import { archived, BACKENDS, clientOf, served } from "./backends.js";
import { PG_PASSWORD } from "@vbm365/test-support/postgres";

const servers: TestServer[] = [];
async function serve(sessions: number): Promise<TestServer> {
  const server = await startTestServer({ sessions, seed: 9, now: "2026-11-30T12:00:00Z" });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function failureOf(work: Promise<unknown>): Promise<ArchiveError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ArchiveError)) throw new Error(`expected an ArchiveError, got ${String(error)}`);
  return error;
}

describe("an SQLite archive file", () => {
  test("that is not SQLite is refused in one line and left as it was", async () => {
    const server = await serve(5);
    const file = (await BACKENDS[0]!.fresh()).replace(/archive\.db$/, "notes.txt");
    writeFileSync(file, "restore notes, not a database\n".repeat(200));
    const failure = await failureOf(syncArchive(file, clientOf(server)));
    expect(failure.kind).toBe("corrupt");
    expect(failure.message).toMatch(/notes\.txt is not an SQLite database or is damaged: point --archive/);
    expect(failure.message).not.toContain("\n");
    expect(readFileSync(file, "utf8")).toBe("restore notes, not a database\n".repeat(200));
    expect((await failureOf(openArchive(file))).kind).toBe("corrupt");
  });

  test("that does not exist is not created by a reader", async () => {
    const file = await BACKENDS[0]!.fresh();
    const failure = await failureOf(openArchive(file));
    expect(failure.message).toMatch(/there is no archive at .*archive\.db: run 'vbm365-audit archive sync' first/);
  });

  test("locked by another program is named as locked, and the sync changes nothing", async () => {
    const server = await serve(5);
    const file = await BACKENDS[0]!.fresh();
    await syncArchive(file, clientOf(server));
    server.addSessions(2);
    const other = new Database(file);
    other.exec("BEGIN EXCLUSIVE");
    try {
      // After the busy timeout (5 s) of waiting for the other program.
      const failure = await failureOf(syncArchive(file, clientOf(server)));
      expect(failure.message).toMatch(/archive\.db is locked by another program: close it \(or wait for it to finish\) and try again$/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(await archived(file)).toHaveLength(5);
  });

  test("a full disk is reported as such, with what to do", () => {
    const error = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    const failure = describeDatabaseError(error, archiveLocation("/var/lib/vbm365/archive.db"));
    expect([failure.kind, failure.message]).toEqual([
      "full",
      "the archive file /var/lib/vbm365/archive.db: the disk is full: free some space and run the sync again (what is archived is kept)",
    ]);
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`bad input on ${backend.name}`, () => {
    test("an archive from a newer release is refused and not altered", async () => {
      const server = await serve(8);
      const setting = await backend.fresh();
      await syncArchive(setting, clientOf(server));
      await rawSql(backend.name, setting, "insert into archive_schema (version, applied_at) values (99, 'future')");
      const runsBefore = await rawSql(backend.name, setting, "select count(*) as n from sync_runs");
      const failure = await failureOf(syncArchive(setting, clientOf(server)));
      expect(failure.message).toMatch(
        /has schema version 99, newer than this release knows \(1\): upgrade vbm365 .*\(it was left unchanged\)/,
      );
      expect(await rawSql(backend.name, setting, "select count(*) as n from sync_runs")).toEqual(runsBefore);
      expect((await failureOf(openArchive(setting))).kind).toBe("newer");
    });

    test("two syncs at once: the second is refused while the first runs on", async () => {
      const server = await serve(60);
      server.faults.inject({ kind: "delayHeaders", match: { path: /\/events/ }, delayMs: 300, times: 5 });
      const setting = await backend.fresh();
      const first = syncArchive(setting, clientOf(server));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const second = await failureOf(syncArchive(setting, clientOf(server)));
      expect(second.kind).toBe("busy");
      expect(second.message).toMatch(/another sync is writing to the archive .*: wait for it to finish/);
      await first;
      expect(await archived(setting)).toEqual(await served(server));
    });

    test("garbage from the server mid-sync stops the sync, keeps what was archived, and the next sync completes", async () => {
      const server = await serve(150);
      const setting = await backend.fresh();
      server.faults.inject({ kind: "malformedJson", match: { path: /offset=100/ } });
      const error = await syncArchive(setting, clientOf(server), { pageSize: 50 }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      const kept = await archived(setting);
      expect(kept.length).toBeGreaterThanOrEqual(50);
      expect(kept.length).toBeLessThan(150);
      const reader = await openArchive(setting);
      const [status] = await reader.status();
      await reader.close();
      expect(status?.lastSync?.outcome).toBe("failed");
      await syncArchive(setting, clientOf(server), { pageSize: 50 });
      expect(await archived(setting)).toEqual(await served(server));
    });
  });
}

describe.skipIf(!BACKENDS[1]!.available)("a PostgreSQL archive", () => {
  test("that is down is named, with what to do", async () => {
    const server = await serve(3);
    const failure = await failureOf(syncArchive(`postgres://postgres:${PG_PASSWORD}@127.0.0.1:1/archive`, clientOf(server)));
    expect(failure.kind).toBe("unavailable");
    expect(failure.message).toMatch(
      /^cannot reach the PostgreSQL archive postgres:\/\/postgres@127\.0\.0\.1:1\/archive \(ECONNREFUSED\): check that PostgreSQL is running/,
    );
  });

  test("that refuses the login says so without showing the password", async () => {
    const server = await serve(3);
    const root = inject("postgresRoot").replace(PG_PASSWORD, "wrong-secret");
    const failure = await failureOf(syncArchive(`${root}/postgres`, clientOf(server)));
    expect(failure.kind).toBe("login");
    expect(failure.message).toMatch(/refused the login \(wrong password\): check the user and password in the URL/);
    expect(failure.message).not.toContain("wrong-secret");
  });
});

/** Plain SQL beside the archive code, as an admin with another tool would run it. */
async function rawSql(kind: string, setting: string, statement: string): Promise<unknown> {
  if (kind === "sqlite") {
    const db = new Database(setting);
    try {
      return statement.startsWith("select") ? db.prepare(statement).all() : db.exec(statement) && null;
    } finally {
      db.close();
    }
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: setting });
  await client.connect();
  try {
    const result = await client.query(statement);
    return statement.startsWith("select") ? result.rows.map((row: Record<string, unknown>) => ({ n: Number(row.n) })) : null;
  } finally {
    await client.end();
  }
}
