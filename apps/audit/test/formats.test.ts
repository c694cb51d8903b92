import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "./run-cli.js";
import { parseFormat, type TextRow } from "./rows.js";
import { sessionsOf, startServer, tokenEnv, type TestServer } from "./testkit-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(1500);
});
afterAll(() => server?.close());

const FORMATS = ["json", "ndjson", "csv"] as const;

async function exportRows(args: string[], format: (typeof FORMATS)[number]): Promise<TextRow[]> {
  const result = await runCli([...args, "--format", format], { env: tokenEnv(server) });
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
    expect(withComma, "the seed has sessions of 'Fabrikam, Inc.'").toBeDefined();
    expect(withQuote, "the seed has session names with double quotes").toBeDefined();
    expect(result.stdout).toContain('"Fabrikam, Inc."');
    expect(result.stdout).toContain(`"${withQuote!.name!.replaceAll('"', '""')}"`);
    const names = new Map(sessionsOf(server).map(({ session }) => [session.id, session.name]));
    expect(names.get(withQuote!.id!)).toBe(withQuote!.name);
  });

  test("table format prints a table with the session fields", async () => {
    const result = await runCli(["sessions", "--since", "6h", "--format", "table"], { env: tokenEnv(server) });
    expect(result.code).toBe(0);
    const newest = sessionsOf(server)[0]!.session;
    expect(result.stdout).toMatch(/│ creationTime\s+│ type\s+│ state\s+│ result/);
    expect(result.stdout).toContain(newest.creationTime);
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
    expect(ndjson.map((row) => ({
      sessionId: row.sessionId, eventId: row.eventId, initiatedBy: row.initiatedBy, time: row.time, clientHost: row.clientHost,
      action: row.action, itemName: row.itemName, itemType: row.itemType, itemSizeBytes: row.itemSizeBytes, source: row.source, target: row.target,
    }))).toEqual(expected);
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
