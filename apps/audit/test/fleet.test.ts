// Commands against a fleet of configured servers: v6-only, v7 and v8 testkits, one whose
// configured password is wrong and one that never answers.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { startTestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { startFleet, type TestFleet } from "./fleet-servers.js";

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startFleet();
});
afterAll(() => fleet?.close());

const run = (args: string[]) => runCli([...args, "--config", fleet.configPath], { env: fleet.env });
const idsOf = (server: keyof TestFleet["servers"]) => [...fleet.servers[server].data.sessionIds()];

describe("listings across the fleet", () => {
  test("rows from every answering server, each with its server, sorted newest first across the fleet; the others named with their reasons", async () => {
    const result = await run(["sessions", "--all-servers", "--all", "--format", "ndjson", "--server-timeout", "3s", "--parallel", "5"]);
    const rows = lines(result.stdout).map((line) => JSON.parse(line) as { server: string; id: string; creationTimeUtc: string });
    for (const name of ["v6-only", "v7", "v8"] as const) {
      const key = name === "v6-only" ? "v6" : name;
      expect(
        rows
          .filter((row) => row.server === name)
          .map((row) => row.id)
          .sort(),
      ).toEqual(idsOf(key).sort());
    }
    expect(new Set(rows.map((row) => row.server))).toEqual(new Set(["v6-only", "v7", "v8"]));
    const times = rows.map((row) => row.creationTimeUtc);
    expect(times).toEqual([...times].sort().reverse());
    const stderr = lines(result.stderr);
    expect(stderr).toContainEqual(
      expect.stringMatching(
        /^vbm365-audit: server refusing: login refused: .*refused the credentials \(HTTP 401.*\): check its token, or username and password, in the configuration file$/,
      ),
    );
    expect(stderr).toContainEqual(
      "vbm365-audit: server silent: timeout: no answer within 3 s: check the server, or allow more with --server-timeout",
    );
    expect(stderr).toContain(`vbm365-audit: ${rows.length} restore sessions from 3 of 5 servers`);
    expect(result.code).toBe(75);
  });

  test("three servers that never answer cost one deadline, not the sum of the three", async () => {
    const config = join(fleet.folder, "three-silent.yaml");
    const silent = ["a", "b", "c"].map((name) => `  - { name: ${name}, url: '${fleet.silentUrl}' }\n`).join("");
    writeFileSync(
      config,
      `defaults: { token: { env: FLEET_TOKEN_V6 } }\nservers:\n${silent}  - { name: v6, url: '${fleet.servers.v6.url}' }\n`,
    );
    const started = performance.now();
    const result = await runCli(
      ["sessions", "--all-servers", "--all", "--format", "ndjson", "--server-timeout", "2s", "--config", config],
      { env: fleet.env },
    );
    const elapsed = performance.now() - started;
    expect(result.code).toBe(75);
    expect(lines(result.stderr).filter((line) => line.includes(": timeout: no answer within 2 s"))).toHaveLength(3);
    // One after another they would take the sum, 6 s, plus starting Node; all the margin
    // below that is left for starting Node on a busy machine.
    expect(elapsed).toBeLessThan(5900);
  });

  test("CSV, JSON and the table carry the server column", async () => {
    const picked = ["--server", "v8", "--server", "v6-only", "--all"];
    const csv = await run(["sessions", ...picked, "--format", "csv"]);
    expect(csv.code).toBe(0);
    const records = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)[0]).toBe("server");
    expect(records).toHaveLength(idsOf("v8").length + idsOf("v6").length);
    const json = JSON.parse((await run(["sessions", ...picked, "--format", "json"])).stdout) as { server: string }[];
    expect(json.filter((row) => row.server === "v8")).toHaveLength(idsOf("v8").length);
    const table = await runCli(
      ["sessions", "--tag", "customer=contoso", "--since", "36500d", "--format", "table", "--config", fleet.configPath],
      { env: { ...fleet.env, COLUMNS: "200" } },
    );
    expect(lines(table.stdout)[1]).toMatch(/^│ server +│ id /);
    expect(table.stdout).toContain("v6-only");
    expect(table.stdout).not.toMatch(/│ v8 /);
  });

  test("the report gains the server column, and v8's statistics where the server has them", async () => {
    const since = fleet.servers.v8.data.session(3).creationTime;
    const result = await run(["report", "--server", "v8", "--server", "v7", "--from", since, "--format", "ndjson"]);
    expect(result.code).toBe(0);
    const rows = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.some((row) => row.server === "v8" && typeof row.sessionRestoredItems === "number")).toBe(true);
    expect(rows.some((row) => row.server === "v7" && row.sessionRestoredItems === undefined)).toBe(true);
    const times = rows.map((row) => row.timeUtc as string);
    expect(times).toEqual([...times].sort().reverse());
  });

  test("a v8-only flag fails the older servers by name, as an API version problem, and lists the v8 server", async () => {
    const result = await run(["sessions", "--server", "v6-only", "--server", "v8", "--all", "--sort", "endTime", "--format", "ndjson"]);
    expect(result.code).toBe(75);
    expect(result.stderr).toMatch(/server v6-only: API version: --sort needs REST API v8, and .* speaks v6 at most/);
    expect(new Set(lines(result.stdout).map((line) => (JSON.parse(line) as { server: string }).server))).toEqual(new Set(["v8"]));
  });

  test("--sort endTime --asc orders the fleet's rows by end time, oldest first", async () => {
    const result = await run([
      "sessions",
      "--server",
      "v8",
      "--server",
      "refusing",
      "--all",
      "--sort",
      "endTime",
      "--asc",
      "--format",
      "ndjson",
    ]);
    const ends = lines(result.stdout).map((line) => (JSON.parse(line) as { endTimeUtc: string | null }).endTimeUtc ?? "");
    expect(ends.length).toBe(idsOf("v8").length);
    expect(ends).toEqual([...ends].sort());
  });
});

describe("one configured server for events", () => {
  test("events <id> --server NAME asks that server; a selection of several is refused", async () => {
    const v7 = fleet.servers.v7;
    const id = v7.data.session(0).id;
    const result = await run(["events", id, "--server", "v7", "--format", "ndjson"]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout).map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(v7.data.events(0).map((event) => event.id));
    const several = await run(["events", id, "--tag", "region=eu"]);
    expect(several.code).toBe(64);
    expect(several.stderr).toContain(
      "this command works on one server, and the selection has 2 (v6-only, v8): name one with --server NAME",
    );
  });
});

describe("TLS across the fleet", () => {
  test("a server whose CA is not trusted fails as TLS; its caFile from the configuration makes it answer", async () => {
    const secure = await startTestServer({ sessions: 20, seed: 5, https: true });
    try {
      const caFile = join(fleet.folder, "secure-ca.pem");
      writeFileSync(caFile, secure.ca!);
      const config = join(fleet.folder, "tls.yaml");
      const entry = (name: string, extra: string) => `  - { name: ${name}, url: '${secure.url}', token: { env: SECURE_TOKEN }${extra} }\n`;
      writeFileSync(config, `servers:\n${entry("untrusted", "")}${entry("trusted", ", caFile: secure-ca.pem")}`);
      const result = await runCli(["sessions", "--all-servers", "--all", "--format", "ndjson", "--config", config], {
        env: { SECURE_TOKEN: secure.token },
      });
      expect(result.code).toBe(75);
      expect(result.stderr).toMatch(
        /^vbm365-audit: server untrusted: TLS: cannot trust the certificate of https:\/\/127\.0\.0\.1:\d+ \(\w+\): set its caFile to the PEM of the CA that signed it$/m,
      );
      expect(lines(result.stdout)).toHaveLength(20);
      expect(result.stdout).toContain('"server":"trusted"');
    } finally {
      await secure.close();
    }
  });
});

describe("exit codes say whether all, some or none answered", () => {
  test.each([
    ["all", ["--server", "v6-only", "--server", "v7"], 0],
    ["some", ["--server", "v7", "--server", "refusing"], 75],
    ["none, every login refused", ["--server", "refusing"], 77],
    ["none, for different reasons", ["--server", "refusing", "--server", "silent"], 69],
  ])("%s", async (_, picked, code) => {
    const result = await run(["sessions", ...picked, "--all", "--format", "ndjson", "--server-timeout", "1s"]);
    expect(result.code).toBe(code);
  });

  test("a name or tag that selects nothing is a usage error naming what exists", async () => {
    const name = await run(["sessions", "--server", "nope"]);
    expect(name.code).toBe(64);
    expect(name.stderr).toContain("no server named 'nope' in the configuration: the servers are v6-only, v7, v8, refusing, silent");
    const tag = await run(["sessions", "--tag", "customer=nobody"]);
    expect(tag.stderr).toContain(
      "no server has customer=nobody: the tags in use are customer=contoso, customer=fabrikam, customer=northwind, region=eu, region=us",
    );
  });

  test("a broken configuration file is one line with its line number and exit 64", async () => {
    const config = join(fleet.folder, "broken.yaml");
    writeFileSync(config, "servers:\n  - name: a\n    url: https://a.example\n    password: hunter2-secret\n    username: me\n");
    const result = await runCli(["sessions", "--all-servers", "--config", config], { env: fleet.env });
    expect(result.code).toBe(64);
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: ${config}:4: servers[0].password - a secret written in the file is refused: reference it instead, with { env: VARIABLE }, { file: PATH } or { command: "vault ..." } (see 'vbm365-audit sessions --help')`,
    ]);
  });
});

describe("check --all-servers", () => {
  test("one answer for the fleet: the worst state first, a line per server worst first, perfdata per server", async () => {
    const result = await run(["check", "--all-servers", "--all", "--server-timeout", "2s"]);
    const [first, ...perServer] = lines(result.stdout);
    expect(first).toMatch(
      /^RESTORES CRITICAL - 5 servers: 3 CRITICAL, 2 UNKNOWN; \d+ failed, \d+ with warnings, \d+ Working longer than 2h \(\d+ restore sessions .*\) \| servers=5;;;0 servers_unknown=2;;0;0 /,
    );
    const v8Sessions = idsOf("v8").length;
    expect(first).toContain(` v8::sessions=${v8Sessions};;;0 `);
    expect(perServer.map((line) => line.split(":")[0])).toEqual([
      "CRITICAL v6-only",
      "CRITICAL v7",
      "CRITICAL v8",
      "UNKNOWN refusing",
      "UNKNOWN silent",
    ]);
    expect(perServer[3]).toMatch(/^UNKNOWN refusing: login refused: /);
    expect(perServer[4]).toBe("UNKNOWN silent: timeout: no answer within 2 s: check the server, or allow more with --server-timeout");
    expect(result.code).toBe(2);
  });

  test("OK when every selected server is fine, UNKNOWN when the only one cannot be asked; PRTG gets one line", async () => {
    const newest = fleet.servers.v6.data.session(0);
    const window = ["--from", newest.creationTime, "--to", newest.creationTime];
    const ok = await run(["check", "--server", "v6-only", ...window, "--max-running", "365d"]);
    expect(lines(ok.stdout)[0]).toMatch(/^RESTORES (OK|CRITICAL|WARNING) - 1 server: 1 (OK|CRITICAL|WARNING); /);
    const unknown = await run(["check", "--server", "refusing", "--prtg"]);
    expect(lines(unknown.stdout)).toHaveLength(1);
    expect(unknown.stdout).toMatch(/^1:UNKNOWN - 1 server: 1 UNKNOWN; /);
    expect(unknown.code).toBe(3);
  });
});

describe("vbm365-audit servers", () => {
  test("lists the configured servers without any secret", async () => {
    const result = await run(["servers", "--format", "ndjson"]);
    expect(result.code).toBe(0);
    const rows = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => row.server)).toEqual(["v6-only", "v7", "v8", "refusing", "silent"]);
    expect(rows[0]).toMatchObject({ url: fleet.servers.v6.url, apiVersion: "auto", tags: "customer=contoso,region=eu", login: "token" });
    expect(rows[2]).toMatchObject({ login: `user ${fleet.servers.v8.credentials.username}` });
    expect(result.stdout).not.toContain(fleet.servers.v8.credentials.password);
    expect(result.stdout).not.toContain(fleet.env.FLEET_TOKEN_V6);
  });

  test("--test logs in to each and gives its version and round trip, or its reason", async () => {
    const result = await run(["servers", "--test", "--format", "ndjson", "--server-timeout", "2s"]);
    const rows = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => [row.server, row.status, row.version, row.reason])).toEqual([
      ["v6-only", "ok", "v6", null],
      ["v7", "ok", "v7", null],
      ["v8", "ok", "v8", null],
      ["refusing", "failed", null, "login refused"],
      ["silent", "failed", null, "timeout"],
    ]);
    expect(rows.slice(0, 3).every((row) => typeof row.roundTripMs === "number")).toBe(true);
    expect(result.code).toBe(75);
    expect(`${result.stdout}${result.stderr}`).not.toContain("not-the-password");
  });
});
