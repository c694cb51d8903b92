// The CLI against a v6-only, a v7 and a v8 server: listings on all three, the
// v8-only flags really applied on v8 (compared with the server's data) and refused on v6/v7,
// the report's statistics columns equal to the server's own Statistics.
import { startTestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { session, startHostileServer, type HostileServer } from "./hostile-server.js";
import { lines, runCli } from "./run-cli.js";
import { parseFormat, type TextRow } from "./rows.js";
import { tokenEnv, type TestServer } from "./testkit-server.js";

const SESSIONS = 300;
const servers = {} as Record<"v6" | "v7" | "v8", TestServer>;
beforeAll(async () => {
  // A v7 server (VBM365 7) also serves v6; a v6-era server serves v6 only.
  [servers.v6, servers.v7, servers.v8] = await Promise.all([
    startTestServer({ sessions: SESSIONS, seed: 7, versions: ["v6"] }),
    startTestServer({ sessions: SESSIONS, seed: 7, versions: ["v6", "v7"] }),
    startTestServer({ sessions: SESSIONS, seed: 7 }),
  ]);
});
afterAll(() => Promise.all(Object.values(servers).map((server) => server?.close())));

async function run(server: TestServer, args: string[], env: Record<string, string> = {}) {
  return runCli(args, { env: { ...tokenEnv(server), ...env } });
}

/** Rows of a listing that must succeed with nothing on stderr. */
async function rowsOf(server: TestServer, args: string[], env: Record<string, string> = {}): Promise<TextRow[]> {
  const result = await run(server, [...args, "--format", "ndjson", "--page-size", "100"], env);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return parseFormat("ndjson", result.stdout);
}

/** The server's sessions as it serves them on v8 (endTime included). */
function dataSessions(server: TestServer) {
  return [...server.data.sessionIds()].map((id) => server.data.session(server.data.indexOf(id), "v8"));
}

const endMs = (text: string | null | undefined) => (text ? Date.parse(text) : -Infinity);

describe.each(["v6", "v7", "v8"] as const)("a %s server", (version) => {
  test("auto picks the newest version it serves (--debug says so) and lists every session", async () => {
    const server = servers[version];
    const result = await run(server, ["sessions", "--all", "--format", "ndjson", "--page-size", "100", "--debug"]);
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([`vbm365-audit: REST API ${version} (auto: the newest ${server.url} serves)`]);
    expect(parseFormat("ndjson", result.stdout).map((row) => row.id)).toEqual([...server.data.sessionIds()]);
  });

  test("report: statistics columns on v8 only; on v6/v7 one line on stderr says they are left out", async () => {
    const result = await run(servers[version], ["report", "--since", "12h", "--format", "ndjson"]);
    expect(result.code).toBe(0);
    const rows = parseFormat("ndjson", result.stdout);
    expect(rows.length).toBeGreaterThan(10);
    if (version === "v8") {
      expect(result.stderr).toBe("");
      expect(rows.every((row) => /^\d+$/.test(row.sessionRestoredItems ?? ""))).toBe(true);
    } else {
      expect(lines(result.stderr)).toEqual([
        `vbm365-audit: the server speaks REST API ${version}: the report has no statistics columns (restored, failed, skipped items need v8)`,
      ]);
      expect(rows.some((row) => "sessionRestoredItems" in row)).toBe(false);
    }
  });
});

describe.each(["v6", "v7"] as const)("v8-only flags on a %s server", (version) => {
  test.each([
    [["sessions", "--sort", "endTime"], "--sort"],
    [["sessions", "--asc"], "--asc"],
    [["report", "--desc"], "--desc"],
    [["sessions", "--ended-from", "2026-11-01"], "--ended-from"],
    [["report", "--ended-to", "2026-11-01T00:00Z"], "--ended-to"],
  ])("%j fails with exit 64 naming the flag, the version and v8", async (args, flag) => {
    const result = await run(servers[version], [...args, "--format", "ndjson"]);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${flag} needs REST API v8, and ${servers[version].url} speaks ${version} at most: drop it, or use a VBM365 8 server (see 'vbm365-audit ${args[0]} --help')`,
    ]);
  });
});

describe("pinning the version", () => {
  test("--api-version v7 on a v8 server refuses --sort before any request", async () => {
    const before = servers.v8.stats.requests;
    const result = await run(servers.v8, ["sessions", "--api-version", "v7", "--sort", "endTime", "--ended-to", "2026-12-01"]);
    expect(result.code).toBe(64);
    expect(lines(result.stderr)).toEqual([
      "vbm365-audit: --sort, --ended-to need REST API v8, and --api-version pins v7: use --api-version v8 (or auto) with a server that speaks v8 (see 'vbm365-audit sessions --help')",
    ]);
    expect(servers.v8.stats.requests).toBe(before);
  });

  test("VBM365_API_VERSION=v6 on a v8 server speaks v6: no statistics columns", async () => {
    const result = await run(servers.v8, ["report", "--since", "12h", "--format", "ndjson", "--debug"], { VBM365_API_VERSION: "v6" });
    expect(result.code).toBe(0);
    expect(lines(result.stderr)[0]).toBe("vbm365-audit: REST API v6 (pinned by VBM365_API_VERSION)");
    expect(parseFormat("ndjson", result.stdout)[0]).not.toHaveProperty("sessionRestoredItems");
  });

  test("an unknown version is a usage error naming where it came from", async () => {
    const flag = await run(servers.v8, ["sessions", "--api-version", "v9"]);
    expect(flag.code).toBe(64);
    expect(flag.stderr).toContain("--api-version 'v9' is not known: use v6, v7, v8 or auto");
    const env = await run(servers.v8, ["sessions"], { VBM365_API_VERSION: "latest" });
    expect(env.code).toBe(64);
    expect(env.stderr).toContain("VBM365_API_VERSION 'latest' is not known");
  });
});

test("a server that serves none of v8, v7 and v6 is said to be so (exit 69), not 'no such restore session'", async () => {
  const nothing = await startHostileServer(() => ({ status: 404, body: { message: "not here" } }));
  try {
    const result = await runCli(["sessions", "--format", "ndjson"], { env: { VBM365_URL: nothing.url, VBM365_TOKEN: "t0ken-for-tests" } });
    expect(result.code).toBe(69);
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${nothing.url} serves none of the REST API versions v8, v7 and v6 (each answered 404): check that --url / VBM365_URL is the server root, such as https://vbm.example:4443`,
    ]);
    expect(nothing.requests.map((request) => request.url)).toEqual([
      "/v8/RestoreSessions?limit=1",
      "/v7/RestoreSessions?limit=1",
      "/v6/RestoreSessions?limit=1",
    ]);
  } finally {
    await nothing.close();
  }
});

describe("v8: --sort", () => {
  test("--sort endTime --asc: every session, in the server's end-time order (running ones first)", async () => {
    const rows = await rowsOf(servers.v8, ["sessions", "--all", "--sort", "endTime", "--asc"]);
    const expected = dataSessions(servers.v8)
      .map((s) => endMs(s.endTime))
      .sort((a, b) => a - b);
    expect(rows.map((row) => row.id).sort()).toEqual([...servers.v8.data.sessionIds()].sort());
    expect(rows.map((row) => endMs(row.endTime))).toEqual(expected);
    // Not the default order: the data has sessions whose end order differs from their start order.
    expect(rows.map((row) => row.id)).not.toEqual([...servers.v8.data.sessionIds()].reverse());
  });

  test("--sort endTime (descending by default) and --sort creationTime --asc", async () => {
    const desc = await rowsOf(servers.v8, ["sessions", "--all", "--sort", "endtime"]);
    expect(desc.map((row) => endMs(row.endTime))).toEqual(
      dataSessions(servers.v8)
        .map((s) => endMs(s.endTime))
        .sort((a, b) => b - a),
    );
    const asc = await rowsOf(servers.v8, ["sessions", "--all", "--sort", "creationTime", "--asc"]);
    expect(asc.map((row) => row.id)).toEqual([...servers.v8.data.sessionIds()].reverse());
  });

  test("a server that ignores the order fails the listing (exit 69) instead of printing another order", async () => {
    let hostile: HostileServer | undefined;
    try {
      // Newest first whatever was asked: a v8 server that ignores orderAsc.
      const sessions = [session(), session(), session()];
      hostile = await startHostileServer(({ url }) => {
        if (!/^\/v8\/RestoreSessions(\?|$)/.test(url)) return { status: 404, body: { message: "not here" } };
        const offset = Number(new URL(url, "http://x").searchParams.get("offset") ?? 0);
        return { body: { offset, limit: 100, results: offset === 0 ? sessions : [] } };
      });
      const result = await runCli(["sessions", "--all", "--sort", "creationTime", "--asc", "--format", "ndjson"], {
        env: { VBM365_URL: hostile.url, VBM365_TOKEN: "t0ken-for-tests" },
      });
      expect(result.code).toBe(69);
      expect(lines(result.stderr)).toEqual([
        `vbm365-audit: the server did not sort by creationTime ascending (session ${sessions[1]!.id} came out of order): it ignores --sort; drop --sort, or check the server's version`,
      ]);
    } finally {
      await hostile?.close();
    }
  });
});

describe("v8: --ended-from / --ended-to", () => {
  test("exactly the sessions that ended in the window, started before the default 24h too", async () => {
    const now = Date.now();
    const from = new Date(now - 40 * 3600_000);
    const to = new Date(now - 10 * 3600_000);
    const rows = await rowsOf(servers.v8, ["sessions", "--ended-from", from.toISOString(), "--ended-to", to.toISOString()]);
    const expected = dataSessions(servers.v8).filter(
      (s) => s.endTime && Date.parse(s.endTime) >= from.getTime() && Date.parse(s.endTime) <= to.getTime(),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.some((s) => Date.parse(s.creationTime) < now - 24 * 3600_000)).toBe(true);
    expect(rows.map((row) => row.id).sort()).toEqual(expected.map((s) => s.id).sort());
  });

  test("with --since as well, both windows apply", async () => {
    const now = Date.now();
    const endedFrom = new Date(now - 31 * 3600_000);
    const rows = await rowsOf(servers.v8, ["sessions", "--since", "30h", "--ended-from", endedFrom.toISOString()]);
    const ids = rows.map((row) => row.id);
    // The CLI reads its clock after `now`: a session on the --since edge may or may not be in.
    const inBoth = dataSessions(servers.v8).filter(
      (s) => s.endTime && Date.parse(s.endTime) >= endedFrom.getTime() && Date.parse(s.creationTime) >= now - 30 * 3600_000 + 60_000,
    );
    const startedBefore = dataSessions(servers.v8).filter(
      (s) => s.endTime && Date.parse(s.endTime) >= endedFrom.getTime() && Date.parse(s.creationTime) < now - 30 * 3600_000,
    );
    expect(inBoth.length).toBeGreaterThan(10);
    expect(startedBefore.length).toBeGreaterThan(0);
    expect(ids).toEqual(expect.arrayContaining(inBoth.map((s) => s.id)));
    expect(ids.filter((id) => startedBefore.some((s) => s.id === id))).toEqual([]);
    expect(rows.every((row) => Date.parse(row.endTime!) >= endedFrom.getTime())).toBe(true);
  });

  test("--ended-from after --ended-to is refused before connecting", async () => {
    const result = await run(servers.v8, ["report", "--ended-from", "2026-11-02", "--ended-to", "2026-11-01"]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("--ended-from 2026-11-02 is after --ended-to 2026-11-01: swap them");
  });
});

describe("v8: report statistics", () => {
  test("each row carries its session's counts as the server's Statistics has them", async () => {
    const rows = await rowsOf(servers.v8, ["report", "--since", "12h"]);
    const sessionIds = [...new Set(rows.map((row) => row.sessionId!))];
    expect(sessionIds.length).toBeGreaterThan(3);
    for (const id of sessionIds.slice(0, 4)) {
      const response = await fetch(`${servers.v8.url}/v8/RestoreSessions/${id}/Statistics`, {
        headers: { Authorization: `Bearer ${servers.v8.token}` },
      });
      const stats = (await response.json()) as Record<string, unknown>;
      const expected = {
        sessionTotalItems: String(stats.totalItemsCount),
        sessionRestoredItems: String(stats.restoredItemsCount),
        sessionFailedItems: String(stats.failedItemsCount),
        sessionSkippedItems: String(stats.skippedItemsCount),
        sessionWarnings: Array.isArray(stats.warnings) ? String(stats.warnings.length) : "",
        sessionErrors: Array.isArray(stats.errors) ? String(stats.errors.length) : "",
      };
      for (const row of rows.filter((candidate) => candidate.sessionId === id)) expect(row).toMatchObject(expected);
    }
    // Some session restored fewer than it handled: the counts differ from session to session.
    expect(
      new Set(rows.map((row) => `${row.sessionRestoredItems}/${row.sessionFailedItems}/${row.sessionSkippedItems}`)).size,
    ).toBeGreaterThan(1);
  });
});
