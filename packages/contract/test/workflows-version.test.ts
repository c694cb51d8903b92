// The workflows in v7 and v8: the copies Respect runs point at the chosen version's bundle
// and, from v7 on, log in with disable_antiforgery_token=true; a proxy in front of a clean
// testkit server proves both reach the wire: it refuses a v8 password log-in without the
// field, and bends the Stop status each version declares (v6 and v7 200, v8 204: the
// copies check the version's own, which Respect cannot, every operation having a default).
import { bundlePaths } from "@vbm365/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatWorkflowReport, listOperations, runWorkflows, specOf, workflowFiles, type ApiVersion, type Target } from "../src/index.js";
import { readArazzo } from "../src/workflows/files.js";
import { forVersion } from "../src/workflows/versioned.js";
import { testkit, type RunningTarget } from "./targets.js";
import { startTwistProxy, type Twist, type TwistProxy } from "./twist-proxy.js";

type Step = { stepId: string; operationId?: string; requestBody?: { payload?: Record<string, unknown> } };

/** Every token step of every workflow file held to `version`: its file's source and its payload. */
async function tokenSteps(version: ApiVersion) {
  const docs = await readArazzo(workflowFiles());
  return [...docs.values()].flatMap((doc) => {
    const copy = forVersion(doc, version, listOperations(specOf(version)));
    const source = copy.sourceDescriptions.find((s) => s.type === "openapi")!.url;
    return copy.workflows.flatMap((w) =>
      (w.steps as Step[])
        .filter((s) => s.operationId === "token")
        .map((s) => ({ source, step: `${w.workflowId}.${s.stepId}`, payload: s.requestBody?.payload ?? {} })),
    );
  });
}

describe("the workflow copies held to a version", () => {
  it.each(["v6", "v7", "v8"] as const)(
    "%s: the source is that version's bundle; a password log-in sends disable_antiforgery_token from v7 on, a refresh never",
    async (version) => {
      const steps = await tokenSteps(version);
      expect(new Set(steps.map((s) => s.source))).toEqual(new Set([bundlePaths(version).yaml]));
      const logIns = steps.filter((s) => s.payload.grant_type === "password");
      expect(logIns.map((s) => s.step)).toEqual([
        "auditWindow.logIn",
        "inspectSession.logIn",
        "logInAndRefresh.logIn",
        "stopRunningSession.logIn",
      ]);
      for (const s of logIns) expect(s.payload.disable_antiforgery_token, s.step).toBe(version === "v6" ? undefined : true);
      const refreshes = steps.filter((s) => s.payload.grant_type === "refresh_token");
      expect(refreshes.map((s) => s.step)).toEqual(["logInAndRefresh.refresh"]);
      for (const s of refreshes) expect(s.payload.disable_antiforgery_token, s.step).toBeUndefined();
    },
  );
});

/** A v8 server that wants the antiforgery token switched off for a scripted log-in. */
const wantsAntiforgeryOff: Twist = (req, answer, _count, body) => {
  const form = new URLSearchParams(body);
  if (
    req.method === "POST" &&
    req.url === "/v8/token" &&
    form.get("grant_type") === "password" &&
    form.get("disable_antiforgery_token") !== "true"
  ) {
    return {
      status: 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "antiforgery token required" }),
    };
  }
  return answer;
};

/** Stop answering `to` instead of what the server said. */
const stopAnswers =
  (to: number): Twist =>
  (req, answer) =>
    req.method === "POST" && /\/Stop$/.test(req.url ?? "") ? { ...answer, status: to, body: "" } : answer;

describe("the workflows through a proxy that bends one version rule", () => {
  let upstream: RunningTarget;
  let proxy: TwistProxy;
  const through = (version: ApiVersion): Target => ({
    ...upstream.target,
    baseUrl: proxy.url,
    apiVersion: version,
    versionReason: `pinned by the test (${version})`,
  });

  beforeAll(async () => {
    upstream = await testkit({ sessions: 40 }, "testkit behind a twisting proxy", "v8").start();
    proxy = await startTwistProxy(upstream.target.baseUrl);
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  it("a v8 server that refuses a log-in without disable_antiforgery_token: every v8 workflow logs in and passes", async () => {
    proxy.set(wantsAntiforgeryOff);
    // The twist bites: the log-in form of v6 is refused on v8.
    const refused = await fetch(`${proxy.url}/v8/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", ...upstream.target.credentials! }),
    });
    expect(refused.status).toBe(400);
    const report = await runWorkflows(through("v8"));
    const text = formatWorkflowReport(report);
    expect(
      report.results.filter((r) => !r.passed).map((r) => r.workflowId),
      text,
    ).toEqual([]);
    expect(
      report.results.map((r) => r.workflowId),
      text,
    ).toEqual(["auditWindow", "inspectSession", "logInAndRefresh", "stopRunningSession"]);
  });

  it.each([
    ["v8", 200],
    ["v7", 204],
    ["v6", 204],
  ] as const)(
    "%s Stop answering %i fails stopRunningSession at the stop step (the status that version declares)",
    async (version, status) => {
      proxy.set(stopAnswers(status));
      const report = await runWorkflows(through(version), { workflow: "stopRunningSession" });
      const text = formatWorkflowReport(report);
      const result = report.results.find((r) => r.workflowId === "stopRunningSession")!;
      expect(result.passed, text).toBe(false);
      expect(result.failures.join("\n"), text).toBe(`stop: success criteria check: $statusCode == ${version === "v8" ? 204 : 200}`);
    },
  );
});
