import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { parseFormat, type TextRow } from "./rows.js";
import { sessionsOf, startServer, tokenEnv, type TestServer } from "./testkit-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(1500);
});
afterAll(() => server?.close());

const FORMATS = ["json", "ndjson", "csv"] as const;

/** Rows of one format; CSV with --csv-raw, so that it can be compared cell for cell with JSON. */
async function exportRows(args: string[], format: (typeof FORMATS)[number]): Promise<TextRow[]> {
  const result = await runCli([...args, "--format", format, ...(format === "csv" ? ["--csv-raw"] : [])], { env: tokenEnv(server) });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return parseFormat(format, result.stdout);
}

describe("sessions against the testkit server", () => {
  test("every format parses back to the same rows: all sessions of all pages, in the server's order", async () => {
    const expected = sessionsOf(server).map(({ session }) => session);
    const byFormat = await Promise.all(FORMATS.map((format) => exportRows(["sessions", "--all", "--page-size", "200"], format)));
    const [json, ndjson, csv] = byFormat;
    expect(json!.map((row) => row.id)).toEqual(expected.map((session) => session.id));
    expect(ndjson).toEqual(json);
    expect(csv).toEqual(json);
    // Field values are the server's, as sent.
    for (const [i, session] of expected.entries()) {
      const row = json![i]!;
      expect(row).toMatchObject({
        creationTime: session.creationTime,
        type: session.type,
        state: session.state,
        result: session.result,
        initiatedBy: session.initiatedBy ?? "",
        clientHost: session.clientHost ?? "",
        organization: session.organization ?? "",
        name: session.name ?? "",
        endTime: session.endTime ?? "",
      });
    }
  });

  test("CSV quotes commas and double quotes in names, and they read back intact", async () => {
    const result = await runCli(["sessions", "--all", "--format", "csv"], { env: tokenEnv(server) });
    const rows = parseFormat("csv", result.stdout);
    const withComma = rows.find((row) => row.organization === "Fabrikam, Inc.");
    const withQuote = rows.find((row) => row.name!.includes('"'));
    expect(withComma?.organization, "the seed has sessions of 'Fabrikam, Inc.'").toBe("Fabrikam, Inc.");
    expect(withQuote?.name, "the seed has session names with double quotes").toMatch(/"/);
    expect(result.stdout).toContain('"Fabrikam, Inc."');
    expect(result.stdout).toContain(`"${withQuote!.name!.replaceAll('"', '""')}"`);
    const names = new Map(sessionsOf(server).map(({ session }) => [session.id, session.name]));
    expect(names.get(withQuote!.id!)).toBe(withQuote!.name);
  });

  test("table: the session id whole, each row on one line, no wider than COLUMNS", async () => {
    const table = async (columns: number) => {
      const result = await runCli(["sessions", "--all", "--format", "table"], { env: { ...tokenEnv(server), COLUMNS: String(columns) } });
      expect(result.code).toBe(0);
      const out = lines(result.stdout);
      const borders = out.filter((line) => /^[┌├└]/.test(line));
      const rows = out.filter((line) => line.startsWith("│ ") && !line.startsWith("│ id "));
      return { out, text: result.stdout, widest: Math.max(...borders.map((border) => border.length)), rows };
    };
    const ids = sessionsOf(server).map(({ session }) => session.id);

    const wide = await table(130);
    expect(wide.widest).toBeLessThanOrEqual(130);
    expect(wide.widest).toBeGreaterThan(120); // the space is used
    expect(wide.text).toContain("…"); // long names are cut, not wrapped
    expect(wide.out.filter((line) => line.startsWith("│ id ")).length).toBe(3); // one header per block of 500
    expect(wide.rows.map((line) => line.slice(2, 38))).toEqual(ids);
    expect(wide.rows.every((line) => line.split("│").length === 10)).toBe(true); // all 8 cells on one line

    // 80 columns: id and time stay whole; the columns that do not fit are left out, from the right.
    const narrow = await table(80);
    expect(narrow.widest).toBeLessThanOrEqual(80);
    expect(narrow.out[1]).toMatch(/^│ id {35}│ creationTime {17}│ type │$/);
    expect(narrow.rows.map((line) => line.slice(2, 38))).toEqual(ids);
  });

  test("table without a width (a pipe, no COLUMNS) shows every cell whole", async () => {
    const result = await runCli(["sessions", "--since", "6h", "--format", "table"], { env: tokenEnv(server) });
    expect(result.code).toBe(0);
    const newest = sessionsOf(server)[0]!.session;
    expect(result.stdout).toMatch(/│ id\s+│ creationTime\s+│ type\s+│ state\s+│ result/);
    expect(result.stdout).toContain(`│ ${newest.id} │ ${newest.creationTime} │`);
    expect(result.stdout).toContain(newest.name);
    expect(result.stdout).not.toContain("…");
  });
});

describe("--out", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vbm365-audit-out-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test.each([
    ["restores.csv", "csv"],
    ["restores.JSON", "json"],
    ["restores.jsonl", "ndjson"],
    ["restores.txt", "ndjson"],
  ] as const)("%s without --format is written as %s, with a summary line on stderr", async (name, format) => {
    const out = join(dir, name);
    const result = await runCli(["sessions", "--all", "--out", out], { env: tokenEnv(server) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`vbm365-audit: wrote 1500 restore sessions to ${out} (${format})\n`);
    const rows = parseFormat(format, await readFile(out, "utf8"));
    expect(rows.map((row) => row.id)).toEqual(sessionsOf(server).map(({ session }) => session.id));
  });

  test("one row is '1 restore session'; an explicit --format wins over the extension", async () => {
    const { session } = sessionsOf(server)[5]!;
    const out = join(dir, "one.csv");
    const result = await runCli(
      ["sessions", "--from", session.creationTime, "--to", session.creationTime, "--out", out, "--format", "json"],
      {
        env: tokenEnv(server),
      },
    );
    expect(result.stderr).toBe(`vbm365-audit: wrote 1 restore session to ${out} (json)\n`);
    expect(JSON.parse(await readFile(out, "utf8"))).toMatchObject([{ id: session.id }]);
  });
});

describe("report and events against the testkit server", () => {
  test("report: one row per restored item (None markers skipped) with who, when, where, what, size, source, target", async () => {
    const from = new Date(Date.now() - 36 * 3600_000);
    const expected = sessionsOf(server, { startTimeFrom: from }).flatMap(({ index, session }) =>
      server.data
        .events(index)
        .filter((event) => event.type !== "None")
        .map((event) => ({
          sessionId: session.id,
          eventId: event.id,
          initiatedBy: session.initiatedBy ?? "",
          time: event.startTime,
          clientHost: session.clientHost ?? "",
          action: event.type!,
          itemName: event.itemName ?? "",
          itemType: event.itemType ?? "",
          itemSizeBytes: event.itemSizeBytes === undefined ? "" : String(event.itemSizeBytes),
          source: event.source ?? "",
          target: event.target ?? "",
        })),
    );
    expect(expected.length).toBeGreaterThan(100);
    const args = ["report", "--from", from.toISOString(), "--page-size", "50"];
    const [ndjson, csv] = await Promise.all([exportRows(args, "ndjson"), exportRows(args, "csv")]);
    expect(csv).toEqual(ndjson);
    expect(
      ndjson.map((row) => ({
        sessionId: row.sessionId,
        eventId: row.eventId,
        initiatedBy: row.initiatedBy,
        time: row.time,
        clientHost: row.clientHost,
        action: row.action,
        itemName: row.itemName,
        itemType: row.itemType,
        itemSizeBytes: row.itemSizeBytes,
        source: row.source,
        target: row.target,
      })),
    ).toEqual(expected);
  });

  test("events <id>: every event of the session in order, None markers included", async () => {
    const { index, session } = sessionsOf(server)[3]!;
    const rows = await exportRows(["events", session.id], "json");
    const events = server.data.events(index);
    expect(rows.map((row) => [row.order, row.id, row.type, row.status, row.message])).toEqual(
      events.map((event) => [String(event.order), event.id, event.type ?? "", event.status, event.message]),
    );
  });
});
