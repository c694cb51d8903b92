// The audit CLI over server text written by anyone, property-tested
// on the BUILT CLI against a loopback server that serves generated sessions: CSV cells a
// spreadsheet would run as formulas are guarded and `--csv-raw` gives them back exactly;
// a table never carries a terminal control or bidi override, keeps one line per session and
// fits COLUMNS.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "@vbm365/test-support/csv";
import { runAudit } from "./support/cli.js";

const RUNS = 12;
const WIDTH = 120;
// Formula starts, controls, escapes, bidi controls, quoting characters and wide letters.
const PIECES = [
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "\u001b",
  "[2J",
  "]0;",
  "\u0007",
  "\u009b",
  "\u007f",
  "\u202e",
  "\u2066",
  "\u2069",
  "a",
  "Z",
  "7",
  " ",
  ",",
  '"',
  "'",
  "漢",
  "é",
  "x".repeat(40),
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(""));
const TEXT_FIELDS = ["name", "initiatedBy", "clientHost", "organization"] as const;
const sessionText = fc.record(
  Object.fromEntries(TEXT_FIELDS.map((field) => [field, text])) as Record<(typeof TEXT_FIELDS)[number], fc.Arbitrary<string>>,
);

let served: Record<string, unknown>[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const offset = Number(new URL(req.url ?? "/", "http://x").searchParams.get("offset") ?? 0);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ offset, limit: 1000, results: offset === 0 ? served : [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function serve(texts: Record<string, string>[]): void {
  served = texts.map((fields, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    type: "Vex",
    state: "Stopped",
    result: "Success",
    creationTime: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
    ...fields,
  }));
}

function column(csv: string, name: string): string[] {
  const [header, ...rows] = parseCsv(csv);
  const index = header!.indexOf(name);
  expect(index, `CSV column ${name}`).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index]!);
}

const env = () => ({ VBM365_URL: url, VBM365_TOKEN: "property-token" });
const DANGEROUS_START = /^[=+\-@\t\r]/;
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("audit CLI over hostile session text (fast-check, built CLI)", () => {
  it(`CSV: formula starts get a leading ', --csv-raw is exact (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sessionText, { minLength: 1, maxLength: 6 }), async (texts) => {
        serve(texts);
        const [guarded, raw] = await Promise.all([
          runAudit(["sessions", "--format", "csv"], env()),
          runAudit(["sessions", "--format", "csv", "--csv-raw"], env()),
        ]);
        expect(guarded.code, guarded.stderr).toBe(0);
        expect(raw.code, raw.stderr).toBe(0);
        for (const field of TEXT_FIELDS) {
          const sent = texts.map((session) => session[field]);
          expect(column(raw.stdout, field)).toEqual(sent);
          expect(column(guarded.stdout, field)).toEqual(sent.map((value) => (DANGEROUS_START.test(value) ? `'${value}` : value)));
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it(`table: no control or bidi character, one line per session, at most ${WIDTH} columns (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sessionText, { minLength: 1, maxLength: 6 }), async (texts) => {
        serve(texts);
        const run = await runAudit(["sessions", "--format", "table"], { ...env(), COLUMNS: String(WIDTH) });
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).not.toMatch(TERMINAL_UNSAFE);
        const lines = run.stdout.split("\n").filter(Boolean);
        const rows = lines.filter((line) => /^│ 00000000-/.test(line));
        expect(rows.map((line) => line.slice(2, 38))).toEqual(served.map((session) => session.id));
        // Borders, header and rows only: a line break in server text would add a line.
        expect(lines.length).toBe(3 + 2 * rows.length);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(WIDTH);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
