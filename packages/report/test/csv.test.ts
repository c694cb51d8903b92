// The CSV of every action: formula cells guarded (raw on request), quoting, and a writer
// that loses nothing across its chunks.
import { PassThrough } from "node:stream";
import { parseCsv } from "@vbm365/test-support/csv";
import { describe, expect, it } from "vitest";
import { ACTION_COLUMNS, actionCsvHeader, actionCsvLine, createActionCsvWriter, type ActionRow } from "../src/index.js";

const row = (fields: Partial<ActionRow> = {}): ActionRow => ({
  time: "2026-11-29T10:00:00Z",
  timeUtc: "2026-11-29T10:00:00.000Z",
  server: "default",
  organization: "contoso",
  initiatedBy: "CONTOSO\\jane",
  clientHost: "wks-1",
  itemName: "Inbox",
  itemType: "Folder",
  action: "Restore",
  service: "Vex",
  itemSizeBytes: 10,
  source: "a",
  target: "b",
  status: "Success",
  sessionId: "s",
  sessionName: null,
  eventId: "e",
  ...fields,
});

/** The fields of one CSV line. */
function fields(line: string): string[] {
  const [row, ...more] = parseCsv(line);
  expect(more, "one line").toEqual([]);
  return row!;
}

describe("action CSV", () => {
  it("guards cells a spreadsheet would run, unless raw, and quotes commas, quotes and line breaks", () => {
    const hostile = row({
      itemName: '=HYPERLINK("http://evil.example","x")',
      source: "+1+1",
      target: "-2,3",
      initiatedBy: "@SUM(A1)",
      organization: "\tx",
      sessionName: "a\r\nb",
    });
    const guarded = fields(actionCsvLine(hostile).replace(/\r\n$/, ""));
    const at = (name: keyof ActionRow) => ACTION_COLUMNS.indexOf(name);
    expect([
      guarded[at("itemName")],
      guarded[at("source")],
      guarded[at("target")],
      guarded[at("initiatedBy")],
      guarded[at("organization")],
      guarded[at("sessionName")],
    ]).toEqual(['\'=HYPERLINK("http://evil.example","x")', "'+1+1", "'-2,3", "'@SUM(A1)", "'\tx", "a\r\nb"]);
    const raw = fields(actionCsvLine(hostile, true).replace(/\r\n$/, ""));
    expect(raw[at("itemName")]).toBe('=HYPERLINK("http://evil.example","x")');
    expect(guarded).toHaveLength(ACTION_COLUMNS.length);
  });

  it("the writer writes the header and every line across its chunks once flushed", async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = createActionCsvWriter(stream);
    const rows = Array.from({ length: 3000 }, (_, i) => row({ eventId: `e${i}`, itemName: "x".repeat(200) }));
    for (const each of rows) await writer.write(each);
    await writer.flush();
    stream.end();
    const text = Buffer.concat(chunks).toString("utf8");
    expect(chunks.length).toBeGreaterThan(1);
    expect(text).toBe(actionCsvHeader() + rows.map((each) => actionCsvLine(each)).join(""));
  });

  it("the writer writes each line as actionCsvLine does when a column's value changes, returns or is hostile", async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = createActionCsvWriter(stream);
    const organizations = ["contoso", "contoso", "=cmd", "contoso", null, null, "a,b", "=cmd"];
    const rows = organizations.map((organization, i) => row({ organization, itemSizeBytes: i % 3 === 0 ? null : i, eventId: `e${i}` }));
    for (const each of rows) await writer.write(each);
    await writer.flush();
    stream.end();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(actionCsvHeader() + rows.map((each) => actionCsvLine(each)).join(""));
  });
});
