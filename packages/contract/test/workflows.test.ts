// The Arazzo workflows of openapi/workflows, run by `redocly respect`: against VBM365_URL
// with `pnpm contract --workflows`, else against testkit servers started here (Stop
// included: they are throwaway). The version is the checks' setting: pinned, one testkit
// server held to it; auto (the default), three servers, serving v6, v6+v7 and all three,
// so the probe picks v6, v7 and v8 and every version runs every workflow. Also:
// `redocly lint` passes the workflow files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatWorkflowReport, lintWorkflows, runWorkflows, versionSetting, type ApiVersion, type WorkflowReport } from "../src/index.js";
import { fromEnv, keepSummary, oneLine, startForSuite, testkit, type RunningTarget, type TargetStarter } from "./targets.js";

/** Each local target with the version its probe must pick. */
function localTargets(): [TargetStarter, ApiVersion | undefined][] {
  let setting: ReturnType<typeof versionSetting>;
  try {
    setting = versionSetting();
  } catch (error) {
    // A bad VBM365_API_VERSION fails the run as one line, before anything starts.
    return [[{ name: "settings", start: () => Promise.reject(oneLine(error as Error)) }, undefined]];
  }
  if (setting !== "auto") return [[testkit({ sessions: 12 }, `testkit-${setting}`, setting), setting]];
  return [
    [testkit({ sessions: 12, versions: ["v6"] }, "testkit-v6"), "v6"],
    [testkit({ sessions: 12, versions: ["v6", "v7"] }, "testkit-v6-v7"), "v7"],
    [testkit({ sessions: 12 }, "testkit"), "v8"],
  ];
}
const envTarget = fromEnv();
const targets = (envTarget ? [[envTarget, undefined] as const] : localTargets()).map(([starter, expected]) => ({
  name: starter.name,
  starter,
  expected,
}));

describe("redocly lint of the workflow files", () => {
  it("finds no problem", async () => {
    const { ok, output } = await lintWorkflows();
    expect(ok, output).toBe(true);
  });
});

describe.each(targets)("workflows: $name", ({ starter, expected }) => {
  let running: RunningTarget | undefined;
  let report: WorkflowReport;

  beforeAll(async () => {
    running = await startForSuite(starter);
    report = await runWorkflows(running.target, { workflow: process.env.VBM365_WORKFLOW || undefined });
  });

  afterAll(async () => {
    await running?.close();
    if (!report) return;
    keepSummary("workflows", report.target, formatWorkflowReport(report));
  });

  it.runIf(expected !== undefined)(`run in ${expected}, the version the server's probe picks`, () => {
    expect(report.apiVersion, formatWorkflowReport(report)).toBe(expected);
  });

  it("runs every workflow that is not skipped to its end", async ({ annotate }) => {
    for (const r of report.results.filter((r) => r.skipped)) await annotate(`${r.workflowId}: ${r.skipped}`, "skipped");
    const ran = report.results.filter((r) => !r.skipped);
    expect(ran.length, formatWorkflowReport(report)).toBeGreaterThan(0);
    expect(
      ran.filter((r) => !r.passed).map((r) => r.workflowId),
      formatWorkflowReport(report),
    ).toEqual([]);
  });
});
