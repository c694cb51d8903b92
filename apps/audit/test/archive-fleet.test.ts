// The archive with the fleet and the report document, through the built CLI on SQLite:
// `archive sync --all-servers` fills one archive from every configured server (one failing),
// the configuration file's `archive:` is the default location, and `report --archive` with
// --html / --format aggregates reads the archive's sessions with their events.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openArchive } from "@vbm365/archive";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";

const NOW = "2026-11-30T12:00:00Z";
let eu: TestServer;
let us: TestServer;
let refusing: TestServer;
let folder: string;
let env: Record<string, string>;

/** A configuration file naming the three servers; `archive:` only when given. */
function writeConfig(name: string, archive?: string): string {
  const path = join(folder, name);
  writeFileSync(
    path,
    `${archive ? `archive: ${archive}\n` : ""}servers:
  - name: eu
    url: ${eu.url}
    token: { env: TOKEN_EU }
  - name: us
    url: ${us.url}
    token: { env: TOKEN_US }
  - name: refusing
    url: ${refusing.url}
    username: ${refusing.credentials.username}
    password: { env: WRONG_PASSWORD }
`,
  );
  return path;
}

beforeAll(async () => {
  [eu, us, refusing] = await Promise.all([
    startTestServer({ sessions: 60, seed: 31, now: NOW }),
    startTestServer({ sessions: 40, seed: 41, now: NOW, versions: ["v6", "v7"] }),
    startTestServer({ sessions: 10, seed: 51, now: NOW }),
  ]);
  folder = mkdtempSync(join(tmpdir(), "vbm365-archive-fleet-"));
  // XDG_CONFIG_HOME and HOME point at an empty folder: no user configuration file can leak in.
  env = { TOKEN_EU: eu.token, TOKEN_US: us.token, WRONG_PASSWORD: "not-the-password", XDG_CONFIG_HOME: folder, HOME: folder };
});
afterAll(async () => {
  await Promise.all([eu?.close(), us?.close(), refusing?.close()]);
});

/** Sessions and restore actions (non-None events) per server, as the archive holds them. */
async function archivedCounts(file: string, servers?: string[]) {
  const archive = await openArchive(file);
  const counts = new Map<string, { sessions: number; actions: number }>();
  try {
    for await (const { server, events } of archive.sessionsWithEvents(servers ? { servers } : {})) {
      const count = counts.get(server) ?? { sessions: 0, actions: 0 };
      count.sessions++;
      count.actions += events.filter((event) => event.type && event.type !== "None").length;
      counts.set(server, count);
    }
  } finally {
    await archive.close();
  }
  return counts;
}

describe("archive sync across the configured servers", () => {
  test("--all-servers fills one archive from every server under its configured name; the failing one is named, exit 75", async () => {
    const file = join(folder, "all.db");
    const config = writeConfig("all.yaml");
    const result = await runCli(["archive", "sync", "--config", config, "--all-servers", "--parallel", "3", "--archive", file], { env });
    expect(result.code, result.stderr).toBe(75);
    expect(result.stderr).toMatch(/server refusing: .*(credentials|password|login)/i);
    expect(result.stderr).not.toContain("not-the-password");
    const out = lines(result.stdout);
    expect(out.filter((line) => line.startsWith("vbm365-audit: archive sync of eu "))).toHaveLength(1);
    expect(out.filter((line) => line.startsWith("vbm365-audit: archive sync of us "))).toHaveLength(1);
    expect(out.at(-1)).toBe(`vbm365-audit: archive sync of 2 of 3 servers into ${file}`);

    const counts = await archivedCounts(file);
    expect([...counts.keys()].sort()).toEqual(["eu", "us"]);
    expect(counts.get("eu")!.sessions).toBe([...eu.data.sessionIds()].length);
    expect(counts.get("us")!.sessions).toBe([...us.data.sessionIds()].length);

    const status = await runCli(["archive", "status", "--archive", file, "--format", "json"], { env });
    const rows = JSON.parse(status.stdout) as { server: string; sessions: number; apiVersion: string | null; lastSyncOutcome: string }[];
    expect(rows.map((row) => [row.server, row.lastSyncOutcome])).toEqual([
      ["eu", "ok"],
      ["refusing", "failed"],
      ["us", "ok"],
    ]);
    expect(rows.find((row) => row.server === "us")!.apiVersion).toBe("v7");
  });

  test("--server picks configured servers: only they are synced, exit 0", async () => {
    const file = join(folder, "one.db");
    const result = await runCli(["archive", "sync", "--config", writeConfig("one.yaml"), "--server", "us", "--archive", file, "--quiet"], {
      env,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect([...(await archivedCounts(file)).keys()]).toEqual(["us"]);
  });

  test("--name with configured servers, and --server of a server the file lacks, are refused (exit 64)", async () => {
    const config = writeConfig("refuse.yaml");
    const named = await runCli(["archive", "sync", "--config", config, "--all-servers", "--name", "x", "--archive", join(folder, "x.db")], {
      env,
    });
    expect(named.code).toBe(64);
    expect(named.stderr).toMatch(/--name names the VBM365_URL server/);
    const unknown = await runCli(["archive", "sync", "--config", config, "--server", "nowhere", "--archive", join(folder, "x.db")], {
      env,
    });
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/nowhere/);
    expect(existsSync(join(folder, "x.db"))).toBe(false);
  });
});

describe("where the archive is", () => {
  test("--archive, then VBM365_ARCHIVE, then the configuration file's archive:, then ./vbm365-archive.db", async () => {
    const fromFile = join(folder, "from-file.db");
    const config = writeConfig("with-archive.yaml", "from-file.db");
    // The relative path in the file is the file's folder's.
    const synced = await runCli(["archive", "sync", "--config", config, "--server", "eu", "--quiet"], { env });
    expect(synced.code, synced.stderr).toBe(0);
    expect([...(await archivedCounts(fromFile)).keys()]).toEqual(["eu"]);

    const fileDefault = await runCli(["sessions", "--archive", "--config", config, "--all", "--format", "json"], { env });
    expect(fileDefault.code, fileDefault.stderr).toBe(0);
    expect(JSON.parse(fileDefault.stdout)).toHaveLength([...eu.data.sessionIds()].length);

    const fromEnv = join(folder, "from-env.db");
    const envWins = await runCli(["sessions", "--archive", "--config", config, "--all"], { env: { ...env, VBM365_ARCHIVE: fromEnv } });
    expect(envWins.code).toBe(74);
    expect(envWins.stderr).toContain(`there is no archive at ${fromEnv}`);

    const fromFlag = join(folder, "from-flag.db");
    const flagWins = await runCli(["sessions", "--archive", fromFlag, "--config", config, "--all"], {
      env: { ...env, VBM365_ARCHIVE: fromEnv },
    });
    expect(flagWins.code).toBe(74);
    expect(flagWins.stderr).toContain(`there is no archive at ${fromFlag}`);

    const noArchiveLine = writeConfig("without-archive.yaml");
    const fallback = await runCli(["archive", "status", "--config", noArchiveLine], { env });
    expect(fallback.code).toBe(74);
    expect(fallback.stderr).toMatch(/there is no archive at \.?\/?vbm365-archive\.db/);
  });
});

describe("report --archive as a document", () => {
  let file: string;
  beforeAll(async () => {
    file = join(folder, "report.db");
    const synced = await runCli(
      ["archive", "sync", "--config", writeConfig("report.yaml"), "--server", "eu", "--server", "us", "--archive", file, "--quiet"],
      { env },
    );
    expect(synced.code, synced.stderr).toBe(0);
  });

  test("--format aggregates counts every archived server's actions under its name, no server asked", async () => {
    const requestsBefore = eu.requestLog.length + us.requestLog.length;
    const result = await runCli(["report", "--archive", file, "--all", "--format", "aggregates"], { env });
    expect(result.code, result.stderr).toBe(0);
    const aggregates = JSON.parse(result.stdout) as {
      totals: { sessions: number; actions: number };
      servers: { name: string; apiVersion: string; sessions: number }[];
      generated: { how: string };
    };
    const counts = await archivedCounts(file);
    expect(aggregates.totals.actions).toBe(counts.get("eu")!.actions + counts.get("us")!.actions);
    expect(aggregates.servers.map((server) => [server.name, server.apiVersion]).sort()).toEqual([
      ["eu", "v8"],
      ["us", "v7"],
    ]);
    expect(aggregates.generated.how).toContain("restore archive");
    expect(eu.requestLog.length + us.requestLog.length).toBe(requestsBefore);
  });

  test("--server narrows it; --html writes the document and its CSV beside it", async () => {
    const html = join(folder, "eu.html");
    const result = await runCli(["report", "--archive", file, "--server", "eu", "--all", "--html", html], { env });
    expect(result.code, result.stderr).toBe(0);
    const { actions } = (await archivedCounts(file, ["eu"])).get("eu")!;
    expect(result.stderr).toContain(`wrote the report of ${actions} restore actions to ${html}`);
    const csvRows = lines(readFileSync(join(folder, "eu.actions.csv"), "utf8")).length - 1;
    expect(csvRows).toBe(actions);
    expect(readFileSync(html, "utf8")).toContain("<html");
  });
});
