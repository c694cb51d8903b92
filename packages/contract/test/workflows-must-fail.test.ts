// The workflows must be able to fail: against testkit servers that break the contract, the
// workflow that meets the break fails at the step and check that meet it.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Defect } from "@vbm365/testkit";
import { describe, expect, it } from "vitest";
import { formatWorkflowReport, lintWorkflows, runWorkflows, workflowFiles, type WorkflowReport } from "../src/index.js";
import { testkit } from "./targets.js";

/** The workflows in v8 (chosen by the probe of a server serving all three) against a defective server. */
async function workflowsAgainst(defects: Defect[], password?: string): Promise<WorkflowReport> {
  const running = await testkit({ defects, sessions: 12 }, `testkit with ${defects.join(", ") || "a wrong password"}`, "auto").start();
  try {
    const target = password ? { ...running.target, credentials: { ...running.target.credentials!, password } } : running.target;
    return await runWorkflows(target);
  } finally {
    await running.close();
  }
}

const cases: { against: string; defects: Defect[]; password?: string; fails: Record<string, RegExp> }[] = [
  {
    against: "next links that drop the window",
    defects: ["nextDropsFilter"],
    fails: {
      auditWindow: /^page: success criteria check: \$response\.body#\/results\/0\/creationTime (>=|<=) \$inputs\.startTime(From|To)$/m,
    },
  },
  { against: "next links that never end", defects: ["endlessNext"], fails: { auditWindow: /^page: /m } },
  {
    against: "sessions without their required state",
    defects: ["missingRequired"],
    fails: {
      inspectSession: /^pickSession: schema check: REQUIRED must have required property 'state'$/m,
      auditWindow: /^firstPage: schema check: REQUIRED must have required property 'state'$/m,
    },
  },
  {
    against: "a wrong password",
    defects: [],
    password: "not-the-password",
    fails: {
      logInAndRefresh: /^logIn: success criteria check: \$statusCode == 200$/m,
      inspectSession: /^logIn: /m,
      auditWindow: /^logIn: /m,
      stopRunningSession: /^logIn: /m,
    },
  },
];

describe.each(cases)("the workflows against $against", ({ defects, password, fails }) => {
  it(`fail in ${Object.keys(fails).join(", ")} at the step that meets it`, async () => {
    const report = await workflowsAgainst(defects, password);
    const text = formatWorkflowReport(report);
    expect(report.apiVersion, text).toBe("v8");
    for (const [workflowId, failure] of Object.entries(fails)) {
      const result = report.results.find((r) => r.workflowId === workflowId)!;
      expect(result.passed, text).toBe(false);
      expect(result.failures.join("\n"), text).toMatch(failure);
    }
    // The password never reaches the report.
    expect(text).not.toContain("not-the-password");
  });
});

describe("redocly lint of a broken workflow file", () => {
  it("names the problem (two steps with one id)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arazzo-lint-"));
    const source = workflowFiles().find((f) => f.endsWith("log-in.arazzo.yaml"))!;
    const broken = join(dir, "log-in.arazzo.yaml");
    // The copy points at the spec where it is, and gives its second step the first one's id.
    writeFileSync(
      broken,
      readFileSync(source, "utf8")
        .replace("url: ../openapi.yaml", `url: ${join(source, "../../openapi.yaml")}`)
        .replace("stepId: refresh", "stepId: logIn"),
    );
    copyFileSync(join(source, "../redocly.yaml"), join(dir, "redocly.yaml"));
    const { ok, output } = await lintWorkflows([broken]);
    expect(ok).toBe(false);
    expect(output).toMatch(/stepId-unique/);
  });
});
