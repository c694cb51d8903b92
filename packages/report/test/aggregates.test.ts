// Aggregates over testkit data against numbers counted directly from the same data, in the
// JSON (checked against report.schema.json) and as printed in the HTML.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { aggregateReport, renderReportHtml, type ActionRow, type ReportAggregates } from "../src/index.js";
import { countIndependently, largest, type Expected } from "./support/expected.js";
import { testkitInput } from "./testkit-input.js";

const generator = { tool: "test", version: "0.0.0", how: "from the testkit in a test" };
let server: TestServer;
let expected: Expected;
let report: ReportAggregates;
let html: string;
const streamed: ActionRow[] = [];

beforeAll(async () => {
  server = await startTestServer({ sessions: 400, seed: 3, now: "2026-11-30T00:00:00Z" });
  expected = countIndependently(testkitInput(server.data));
  report = await aggregateReport(testkitInput(server.data), { generator, tableLimit: 100, onAction: (row) => void streamed.push(row) });
  html = await renderReportHtml(report, { csvFileName: "restores.actions.csv" });
});
afterAll(() => server?.close());

/** The `<data value>` numbers of the element with this id or of the table row whose first cell is `name`. */
function dataValues(fragment: string): number[] {
  return [...fragment.matchAll(/<data value="(\d+)">/g)].map((match) => Number(match[1]));
}
function section(id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `element #${id}`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</table>", start) + 8);
}
function tableRow(fragment: string, name: string): number[] {
  const row = fragment.split("<tr>").find((cells) => cells.startsWith(`<td>${name}</td>`));
  expect(row, `row ${name}`).not.toBeUndefined();
  return dataValues(row!);
}

describe("aggregates from known data", () => {
  it("totals equal the independent count", () => {
    expect(report.totals).toEqual({ sessions: expected.sessions, actions: expected.actions, bytes: expected.bytes, actionsWithoutSize: 0 });
    expect(expected.actions).toBeGreaterThan(1000);
  });

  it("actions by type and by service equal the independent count", () => {
    expect(new Map(report.byActionType.map((entry) => [entry.name, entry.actions]))).toEqual(expected.byActionType);
    expect(new Map(report.byService.map((entry) => [entry.name, entry.actions]))).toEqual(expected.byService);
  });

  it("top operators by actions and by size are the largest ten, with their counts", () => {
    const byActions = largest(expected.operatorActions, 10);
    expect(report.topOperatorsByActions.map((entry) => entry.actions)).toEqual(byActions.map(([, n]) => n));
    for (const entry of report.topOperatorsByActions) expect(entry.actions).toBe(expected.operatorActions.get(entry.name));
    const bySize = largest(expected.operatorBytes, 10);
    expect(report.topOperatorsBySize.map((entry) => entry.bytes)).toEqual(bySize.map(([, n]) => n));
    for (const entry of report.topOperatorsBySize) expect(entry.bytes).toBe(expected.operatorBytes.get(entry.name));
  });

  it("the timeline holds every action once", () => {
    const inTimeline = report.timeline.buckets.reduce(
      (sum, bucket) => sum + Object.values(bucket.byActionType).reduce((a, b) => a + b, 0),
      0,
    );
    const byServiceInTimeline = report.timeline.buckets.reduce(
      (sum, bucket) => sum + Object.values(bucket.byService).reduce((a, b) => a + b, 0),
      0,
    );
    expect([inTimeline, byServiceInTimeline]).toEqual([expected.actions, expected.actions]);
  });

  it("keeps the first N actions for the table, streams every action, and says so in a note", () => {
    expect(report.actions.total).toBe(expected.actions);
    expect(streamed).toHaveLength(expected.actions);
    expect(report.actions.rows).toEqual(streamed.slice(0, 100));
    expect(report.notes.find((note) => note.code === "actions-capped")?.text).toContain(
      `first 100 of ${expected.actions.toLocaleString("en-US")} actions`,
    );
    expect(html).toContain(`The first 100 of ${expected.actions.toLocaleString("en-US")} actions. Every action is in restores.actions.csv`);
  });

  it("the JSON matches report.schema.json", () => {
    const schema = JSON.parse(readFileSync(new URL("../report.schema.json", import.meta.url), "utf8")) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(JSON.parse(JSON.stringify(report)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe("the numbers printed in the HTML", () => {
  it("totals", () => {
    expect(dataValues(section("total-sessions"))[0]).toBe(expected.sessions);
    expect(dataValues(section("total-actions"))[0]).toBe(expected.actions);
    expect(dataValues(section("total-bytes"))[0]).toBe(expected.bytes);
  });

  it("by action type and by service", () => {
    const labels = new Map([
      ["Restore", "Restore in place"],
      ["Export", "Export"],
      ["Send", "Send"],
      ["Save", "Save"],
      ["View", "View"],
    ]);
    for (const [type, n] of expected.byActionType) expect(tableRow(section("by-action-type"), labels.get(type)!)[0], type).toBe(n);
    const services = new Map([
      ["Vex", "Exchange"],
      ["Veod", "OneDrive"],
      ["Vesp", "SharePoint"],
      ["Vet", "Teams"],
    ]);
    for (const [type, n] of expected.byService) expect(tableRow(section("by-service"), services.get(type)!)[0], type).toBe(n);
  });

  it("the top operators' numbers behind their charts", () => {
    const table = html.slice(html.indexOf('data-chart="operators-by-actions"'));
    for (const [name, n] of largest(expected.operatorActions, 10)) {
      expect(tableRow(table, name)[0], name).toBe(n);
    }
  });
});
