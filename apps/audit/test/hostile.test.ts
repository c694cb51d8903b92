// What a hostile or broken server can put in front of the CLI: formulas in CSV
// cells, terminal escapes in table cells and error messages, pages that are not pages,
// secrets echoed back in encoded forms, and names that are also Object's properties.
import { afterEach, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { parseFormat } from "./rows.js";
import { session, sessionPages, startHostileServer, type HostileServer } from "./hostile-server.js";

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(...args: Parameters<typeof startHostileServer>) {
  server = await startHostileServer(...args);
  return { VBM365_URL: server.url, VBM365_TOKEN: "hostile-test-token" };
}

describe("CSV formula injection (OWASP: a leading ' before = + - @ tab CR)", () => {
  const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tleading tab", "\rleading CR"];
  const sessions = FORMULAS.map((name) => session({ name }));

  test("each dangerous cell is neutralised; --csv-raw writes them as sent; JSON is untouched", async () => {
    const env = await serve(sessionPages([...sessions, session({ name: "a-b=c stays" })]));
    const guarded = await runCli(["sessions", "--format", "csv"], { env });
    expect(guarded.code).toBe(0);
    const names = parseFormat("csv", guarded.stdout).map((row) => row.name);
    expect(names).toEqual([...FORMULAS.map((name) => `'${name}`), "a-b=c stays"]);

    const raw = await runCli(["sessions", "--format", "csv", "--csv-raw"], { env });
    expect(parseFormat("csv", raw.stdout).map((row) => row.name)).toEqual([...FORMULAS, "a-b=c stays"]);
    const json = await runCli(["sessions", "--format", "json"], { env });
    expect(parseFormat("json", json.stdout).map((row) => row.name)).toEqual([...FORMULAS, "a-b=c stays"]);
  });

  test("--csv-raw with another format is a usage error", async () => {
    const env = await serve(sessionPages([]));
    const result = await runCli(["sessions", "--format", "json", "--csv-raw"], { env });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/^vbm365-audit: --csv-raw applies to CSV output only, and this output is json/);
    expect(server!.requests).toHaveLength(0);
  });
});

describe("terminal escapes and bidi overrides from the server are stripped", () => {
  const ESCAPES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  test("in table cells, keeping the visible text", async () => {
    const env = await serve(
      sessionPages([
        session({
          name: "\u001b]0;owned\u0007title\u001b[2J",
          initiatedBy: "CONTOSO\\\u202eevil\u202c",
          clientHost: "ws\u2066x\u2069\u009b01",
        }),
        session({ name: "two\nlines\rhere" }),
      ]),
    );
    const result = await runCli(["sessions", "--format", "table"], { env: { ...env, COLUMNS: "400" } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ESCAPES);
    expect(result.stdout).toMatch(/│ \]0;ownedtitle\[2J\s+│/);
    expect(result.stdout).toContain("CONTOSO\\evil");
    expect(result.stdout).toContain("two lines here");
    // Two data rows, each on one line: a line break in a name must not split a row.
    expect(lines(result.stdout).filter((line) => line.startsWith("│ 0000"))).toHaveLength(2);
  });

  test("in a server's error message, on stderr and in check's status line", async () => {
    const env = await serve(() => ({ status: 500, body: { message: "boom\u001b[2J\u001b]0;pwned\u0007\nsecond line \u202eevil" } }));
    const listing = await runCli(["sessions"], { env });
    expect(listing.code).toBe(69);
    expect(lines(listing.stderr)).toHaveLength(1);
    expect(listing.stderr).not.toMatch(ESCAPES);
    expect(listing.stderr).toContain("boom[2J]0;pwned second line evil");
    const check = await runCli(["check"], { env });
    expect(check.code).toBe(3);
    expect(lines(check.stdout)).toEqual([expect.stringMatching(/^RESTORES UNKNOWN - .*boom\[2J\]0;pwned second line evil/)]);
    expect(check.stdout).not.toMatch(ESCAPES);
  });
});

describe("an answer that is not a session list", () => {
  test.each([
    ['{"results":"nope"}', { offset: 0, limit: 1000, results: "nope" }],
    ["an object without results", { offset: 0, limit: 1000 }],
    ["items that are not sessions", { offset: 0, limit: 1000, results: [{ hello: "world" }] }],
    ["a session without a creation time", { offset: 0, limit: 1000, results: [{ ...session(), creationTime: "soon" }] }],
  ])("%s: check is UNKNOWN, a listing fails with exit 69", async (_name, page) => {
    const env = await serve(() => ({ body: page }));
    const check = await runCli(["check"], { env });
    expect(lines(check.stdout)).toEqual([
      expect.stringMatching(/^RESTORES UNKNOWN - the server's answer is not a valid restore session list: /),
    ]);
    expect(check.code).toBe(3);
    const listing = await runCli(["sessions", "--format", "csv"], { env });
    expect(listing.stdout).toBe("");
    expect(listing.stderr).toMatch(/^vbm365-audit: the server's answer is not a valid restore session list: .*check that --url/);
    expect(listing.code).toBe(69);
  });

  test("a server that repeats the same full page: the walk ends with exit 69 (UNKNOWN for check), not a hang or exit 70", async () => {
    const page = Array.from({ length: 50 }, () => session());
    const env = await serve(({ url }) => ({
      body: { offset: Number(new URL(url, "http://x").searchParams.get("offset")), limit: 50, results: page },
    }));
    const listing = await runCli(["sessions", "--page-size", "50", "--format", "ndjson"], { env });
    expect(lines(listing.stderr)).toEqual([
      expect.stringMatching(
        /^vbm365-audit: http:\/\/127\.0\.0\.1:\d+: the walk ended after \d+ pages: .*check that the server pages correctly/,
      ),
    ]);
    expect(listing.code).toBe(69);
    expect(server!.requests.length).toBeLessThan(10);
    const check = await runCli(["check", "--page-size", "50"], { env });
    expect(lines(check.stdout)).toEqual([expect.stringMatching(/^RESTORES UNKNOWN - http:\/\/127\.0\.0\.1:\d+: the walk ended after/)]);
    expect(check.code).toBe(3);
  });

  test("unknown enum values and Object's property names are counted as what they are", async () => {
    const env = await serve(
      sessionPages([
        session({ result: "constructor", type: "toString", state: "__proto__" }),
        session({ result: "Failed" }),
        session({ result: "hasOwnProperty", state: "Working", creationTime: new Date(Date.now() - 3 * 3600_000).toISOString() }),
      ]),
    );
    const check = await runCli(["check"], { env });
    expect(lines(check.stdout)).toEqual([
      "RESTORES CRITICAL - 1 failed, 0 with warnings, 1 Working longer than 2h (3 restore sessions in the last 24h) " +
        "| sessions=3;;;0 failed=1;;0;0 warning=0;0;;0 long_running=1;0;;0 working=1;;;0",
    ]);
    const rows = parseFormat("ndjson", (await runCli(["sessions"], { env })).stdout);
    expect(rows.map((row) => [row.type, row.state, row.result])).toEqual([
      ["toString", "__proto__", "constructor"],
      ["Vex", "Stopped", "Failed"],
      ["Vex", "Working", "hasOwnProperty"],
    ]);
  });
});

describe("secrets echoed back in encoded forms never reach the output", () => {
  const PASSWORD = "p@ss w0rd+/=&Kx9é";
  const TOKEN = "tok.en/with+plus=Zq81";
  const forms = (secret: string) => [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString("base64").replace(/=+$/, ""),
    Buffer.from(secret).toString("base64url"),
  ];

  test("a token call that echoes the form body, with and without --debug", async () => {
    // Anonymous requests (the version probe) get 401, "served", so the login is reached.
    const env = await serve(({ url, body, headers }) =>
      /token/i.test(url)
        ? { status: 400, body: { message: `bad request: ${body} / ${Buffer.from(body).toString("base64")}` } }
        : { status: headers.authorization ? 500 : 401, body: {} },
    );
    for (const debug of [[], ["--debug"]]) {
      const result = await runCli(["sessions", ...debug], {
        env: { VBM365_URL: env.VBM365_URL, VBM365_USERNAME: "admin", VBM365_PASSWORD: PASSWORD },
      });
      expect(result.code).toBe(69);
      const tokenBody = server!.requests.find((request) => /token/i.test(request.url))!.body;
      expect(tokenBody).toContain(`password=${new URLSearchParams({ s: PASSWORD }).toString().slice(2)}`);
      for (const form of [...forms(PASSWORD), Buffer.from(tokenBody).toString("base64").replace(/=+$/, "")]) {
        expect(result.stdout + result.stderr).not.toContain(form);
      }
      expect(result.stderr).toMatch(/bad request/);
    }
  });

  test("a data call that echoes the bearer, raw and in base64, with and without --debug", async () => {
    const env = await serve(({ headers }) => {
      const bearer = String(headers.authorization);
      return {
        status: 400,
        body: {
          message: `you sent ${Buffer.from(bearer).toString("base64")} and ${Buffer.from(`x${TOKEN}`).toString("base64")} and ${encodeURIComponent(bearer)}`,
        },
      };
    });
    for (const args of [["sessions"], ["sessions", "--debug"], ["check", "--debug"]]) {
      const result = await runCli(args, { env: { ...env, VBM365_TOKEN: TOKEN } });
      expect(result.stdout + result.stderr).toMatch(/you sent/);
      for (const form of [...forms(TOKEN), ...forms(`Bearer ${TOKEN}`)]) expect(result.stdout + result.stderr).not.toContain(form);
    }
  });
});

describe("times with offsets", () => {
  test("CSV keeps the server's time as sent and adds the same instant in UTC (7 digits), which sorts by time", async () => {
    const env = await serve(
      sessionPages([
        session({ creationTime: "2026-11-30T12:00:00.1234567+03:00", endTime: "2026-11-30T12:30:00+03:00" }),
        session({ creationTime: "2026-11-30T10:00:00Z", endTime: null }),
        session({ creationTime: "2026-11-30T04:30:00.5-05:30" }),
      ]),
    );
    const result = await runCli(["sessions", "--all", "--format", "csv"], { env });
    expect(result.code).toBe(0);
    const rows = parseFormat("csv", result.stdout);
    expect(rows.map((row) => [row.creationTime, row.creationTimeUtc, row.endTime, row.endTimeUtc])).toEqual([
      ["2026-11-30T12:00:00.1234567+03:00", "2026-11-30T09:00:00.1234567Z", "2026-11-30T12:30:00+03:00", "2026-11-30T09:30:00.0000000Z"],
      ["2026-11-30T10:00:00Z", "2026-11-30T10:00:00.0000000Z", "", ""],
      ["2026-11-30T04:30:00.5-05:30", "2026-11-30T10:00:00.5000000Z", "", ""],
    ]);
    const byUtcText = rows.map((row) => row.creationTimeUtc!).sort();
    expect(byUtcText).toEqual(rows.map((row) => row.creationTimeUtc!).sort((a, b) => Date.parse(a) - Date.parse(b)));
  });
});
