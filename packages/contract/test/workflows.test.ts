// The Arazzo workflows of openapi/workflows, run by `redocly respect`: against VBM365_URL
// with `pnpm contract --workflows`, else against a testkit server started here (Stop
// included: it is throwaway). Also: `redocly lint` passes the workflow files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatWorkflowReport, lintWorkflows, loadSpec, runWorkflows, type WorkflowReport } from "../src/index.js";
import { fromEnv, keepSummary, startForSuite, testkit, type RunningTarget } from "./targets.js";

const doc = loadSpec();
const starter = fromEnv() ?? testkit({ sessions: 12 });

describe("redocly lint of the workflow files", () => {
  it("finds no problem", async () => {
    const { ok, output } = await lintWorkflows();
    expect(ok, output).toBe(true);
  });
});

describe(`workflows: ${starter.name}`, () => {
  let running: RunningTarget | undefined;
  let report: WorkflowReport;

  beforeAll(async () => {
    running = await startForSuite(starter);
    report = await runWorkflows(doc, running.target, { workflow: process.env.VBM365_WORKFLOW || undefined });
  });

  afterAll(async () => {
    await running?.close();
    if (!report) return;
    keepSummary("workflows", report.target, formatWorkflowReport(report));
  });

  it("runs every workflow that is not skipped to its end", async ({ annotate }) => {
    for (const r of report.results.filter((r) => r.skipped)) await annotate(`${r.workflowId}: ${r.skipped}`, "skipped");
    const ran = report.results.filter((r) => !r.skipped);
    expect(ran.length, formatWorkflowReport(report)).toBeGreaterThan(0);
    expect(ran.filter((r) => !r.passed).map((r) => r.workflowId), formatWorkflowReport(report)).toEqual([]);
  });
});
