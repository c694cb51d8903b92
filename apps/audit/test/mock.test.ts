// Against Prism serving the spec: the spec's examples go through every command.
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
    expect(json!.length).toBeGreaterThan(0);
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
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  test("report, events and check run on the examples", async () => {
    const sessions = parseFormat("ndjson", (await runCli(["sessions", "--all"], { env: env() })).stdout);
    const events = await runCli(["events", sessions[0]!.id!, "--format", "json"], { env: env() });
    expect(events.code).toBe(0);
    expect(JSON.parse(events.stdout).length).toBeGreaterThan(0);
    const report = await runCli(["report", "--all", "--format", "csv"], { env: env() });
    expect(report.code).toBe(0);
    const rows = parseFormat("csv", report.stdout);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.action !== "None" && row.action !== "")).toBe(true);
    const check = await runCli(["check", "--all"], { env: env() });
    expect(lines(check.stdout)).toEqual([expect.stringMatching(/^RESTORES (OK|WARNING|CRITICAL) - .* \| sessions=\d+;;;0 /)]);
    expect([0, 1, 2]).toContain(check.code);
  });
});
