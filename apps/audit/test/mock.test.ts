// Against Prism serving the spec: the spec's examples go through every command.
import { readFileSync } from "node:fs";
import { dereferencedJsonPath } from "@vbm365/openapi";
import { startMock } from "@vbm365/openapi/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { parseFormat } from "./rows.js";

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.close());

const env = () => ({ VBM365_URL: mock.url, VBM365_TOKEN: "prism-accepts-any-token" });

/** The first example of a GET's 200 answer in the spec: what Prism serves. */
function example(path: string): { results: { id: string; type?: string }[] } {
  const spec = JSON.parse(readFileSync(dereferencedJsonPath, "utf8")) as {
    paths: Record<
      string,
      { get: { responses: { 200: { content: { "application/json": { examples: Record<string, { value: unknown }> } } } } } }
    >;
  };
  const examples = spec.paths[path]!.get.responses[200].content["application/json"].examples;
  return Object.values(examples)[0]!.value as { results: { id: string; type?: string }[] };
}
const sessionIds = () => example("/v6/RestoreSessions").results.map((session) => session.id);
const restoredEvents = () => example("/v6/RestoreSessions/{restoreSessionId}/Events").results.filter((event) => event.type !== "None");

describe("against the Prism mock", () => {
  test("sessions: json, ndjson and csv parse back to the same rows", async () => {
    const outputs = await Promise.all(
      (["json", "ndjson", "csv"] as const).map(async (format) => {
        const result = await runCli(["sessions", "--all", "--format", format], { env: env() });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        return parseFormat(format, result.stdout);
      }),
    );
    const [json, ndjson, csv] = outputs;
    expect(json!.map((row) => row.id)).toEqual(sessionIds());
    expect(json![0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: expect.stringMatching(/^(Vex|Veod|Vesp|Vet)$/) });
    expect(ndjson).toEqual(json);
    expect(csv).toEqual(json);
  });

  test("a window is sent as UTC and accepted by the spec's validation", async () => {
    const result = await runCli(["sessions", "--from", "2022-01-01T00:00", "--to", "2022-12-31T23:59:59+02:00", "--format", "json"], {
      env: { ...env(), TZ: "America/New_York" },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // The spec's examples all started in 2022, so the window holds each of them.
    expect((JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id)).toEqual(sessionIds());
  });

  test("report, events and check run on the examples", async () => {
    const sessions = parseFormat("ndjson", (await runCli(["sessions", "--all"], { env: env() })).stdout);
    const events = await runCli(["events", sessions[0]!.id!, "--format", "json"], { env: env() });
    expect(events.code).toBe(0);
    expect((JSON.parse(events.stdout) as { id: string }[]).map((row) => row.id)).toEqual(
      example("/v6/RestoreSessions/{restoreSessionId}/Events").results.map((event) => event.id),
    );
    const report = await runCli(["report", "--all", "--format", "csv"], { env: env() });
    expect(report.code).toBe(0);
    const rows = parseFormat("csv", report.stdout);
    // Prism answers every session's events with the same example: its restored items, once per session.
    expect(rows.map((row) => [row.sessionId, row.eventId])).toEqual(
      sessionIds().flatMap((id) => restoredEvents().map((event) => [id, event.id])),
    );
    expect(rows.every((row) => row.action !== "None" && row.action !== "")).toBe(true);
    const check = await runCli(["check", "--all"], { env: env() });
    expect(lines(check.stdout)).toEqual([expect.stringMatching(/^RESTORES (OK|WARNING|CRITICAL) - .* \| sessions=\d+;;;0 /)]);
    expect([0, 1, 2]).toContain(check.code);
  });
});
