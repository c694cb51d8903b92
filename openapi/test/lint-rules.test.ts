// Proves that every house rule in redocly.yaml reports: a copy of the spec gets one
// violation per rule, and each must be reported by that rule at that place. (A clean run
// on the real spec proves nothing about a rule: a dead rule is silent too.)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintSpec, lintVersion } from "../scripts/lint-spec.mjs";
import { copySpec } from "./spec-copy.js";

const lintCli = fileURLToPath(new URL("../scripts/lint.mjs", import.meta.url));
const stop = "paths/v6_RestoreSessions_{restoreSessionId}_Stop.yaml";
const organization = "paths/v6_RestoreSessions_{restoreSessionId}_organization.yaml";
// One Redocly run takes a second or two, more on a busy machine.
const redoclyTimeout = 60_000;
const event = "paths/v6_RestoreSessions_{restoreSessionId}_Events_{eventId}.yaml";

describe("house lint rules, on a spec broken once per rule", () => {
  const broken = copySpec();
  let problems: { ruleId: string; severity: string; where: string }[] = [];

  beforeAll(() => {
    broken.edit(stop, (doc) => delete doc.post.responses["401"]);
    broken.edit(organization, (doc) => {
      delete doc.get.responses.default;
      doc.get.operationId = "RestoreSession_GetByRestoreSessionId";
    });
    broken.edit(event, (doc) => delete doc.get.operationId);
    broken.edit("components/parameters/offset.yaml", (doc) => delete doc.description);
    broken.edit("components/parameters/limit.yaml", (doc) => (doc.description = ""));
    broken.edit("components/parameters/startTimeTo.yaml", (doc) => (doc.example = 20220412));
    broken.edit("components/schemas/RestoreSession.yaml", (doc) => delete doc.properties.name.description);
    broken.edit("components/schemas/RestoreSessionEvent.yaml", (doc) => (doc.properties.title.description = ""));
    broken.edit("components/schemas/PasswordTokenRequest.yaml", (doc) => delete doc.properties.username.description);
    broken.edit("components/examples/TokenResponse_issued.yaml", (doc) => (doc.value.expires_in = "3600"));
    broken.edit("openapi.yaml", (doc) => {
      doc.paths["/token"] = doc.paths["/v6/token"];
      delete doc.paths["/v6/token"];
      doc.components.schemas = { Unused: { type: "string", description: "Referred to by nothing." } };
    });
    broken.write("components/schemas/Orphan.yaml", "type: string\ndescription: A file nothing refers to.\n");
    const result = lintSpec(broken.dir);
    expect(result.failure).toBeUndefined();
    problems = result.problems;
  }, redoclyTimeout);
  afterAll(() => broken.remove());

  const reported = (ruleId: string, where: string) =>
    problems.some((problem) => problem.ruleId === ruleId && problem.where.includes(where) && problem.severity === "error");

  it.each([
    ["rule/operation-401-and-default", `${stop}#/post/responses`],
    ["rule/operation-401-and-default", `${organization}#/get/responses`],
    ["operation-operationId", `${event}#/get`],
    ["operation-operationId-unique", `${organization}#/get/`],
    ["rule/parameter-description", "parameters/offset.yaml#/description"],
    ["rule/parameter-description", "parameters/limit.yaml#/description"],
    ["no-invalid-parameter-examples", "parameters/startTimeTo.yaml#/example"],
    ["rule/property-description", "schemas/RestoreSession.yaml#/properties/name"],
    ["rule/property-description", "schemas/RestoreSessionEvent.yaml#/properties/title"],
    ["rule/property-description", "schemas/PasswordTokenRequest.yaml#/properties/username"],
    ["no-invalid-media-type-examples", "examples/TokenResponse_issued.yaml#/value/expires_in"],
    ["vbm365/path-version", "openapi.yaml#/paths/~1token"],
    ["no-unused-components", "openapi.yaml#/components/schemas/Unused"],
    ["no-unused-files", "components/schemas/Orphan.yaml"],
  ])("%s reports %s", (ruleId, where) => {
    expect(reported(ruleId, where), JSON.stringify(problems, null, 1)).toBe(true);
  });

  it("reports nothing else a rule was not broken for", () => {
    const expected = new Set([
      "rule/operation-401-and-default",
      "operation-operationId",
      "operation-operationId-unique",
      "rule/parameter-description",
      "no-invalid-parameter-examples",
      "rule/property-description",
      "no-invalid-media-type-examples",
      "vbm365/path-version",
      "no-unused-components",
      "no-unused-files",
    ]);
    expect(problems.filter((problem) => !expected.has(problem.ruleId))).toEqual([]);
  });
});

describe("the v7 and v8 layers are linted as bundles, with their overlays", () => {
  const broken = copySpec();
  afterAll(() => broken.remove());

  it(
    "reports a house rule broken inside a layer, an invalid overlay and a file no overlay reaches",
    () => {
      broken.edit("versions/v8/parameters/orderAsc.yaml", (doc) => delete doc.description);
      broken.edit("versions/v8/overlay.yaml", (doc) => (doc.actions[0].remove = "yes"));
      broken.write("versions/v8/Orphan.yaml", "type: string\ndescription: A file nothing refers to.\n");
      const v8 = lintVersion(broken.dir, "v8");
      expect(v8.failure).toBeUndefined();
      const rules = v8.problems.map((problem: { ruleId: string; where: string }) => `${problem.ruleId} ${problem.where}`);
      expect(rules).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^rule\/parameter-description .*#\/components\/parameters\/orderAsc/),
          expect.stringMatching(/^struct versions\/v8\/overlay.yaml#\/actions\/0\/remove/),
        ]),
      );
      expect(lintSpec(broken.dir).problems).toContainEqual(
        expect.objectContaining({ ruleId: "no-unused-files", where: "versions/v8/Orphan.yaml" }),
      );
      expect(lintVersion(broken.dir, "v7").problems).toEqual([]);
    },
    redoclyTimeout,
  );

  it(
    "refuses a layer that adds a path outside the /v6/ source prefix, naming it",
    () => {
      const strayPath = copySpec();
      try {
        strayPath.edit("versions/v8/overlay.yaml", (doc) =>
          doc.actions.push({ target: "$.paths", update: { "/Statistics": { get: { responses: {} } } } }),
        );
        expect(lintVersion(strayPath.dir, "v8").failure).toMatch(/path \/Statistics does not start with \/v6\//);
      } finally {
        strayPath.remove();
      }
    },
    redoclyTimeout,
  );
});

describe("pnpm lint", () => {
  it(
    "fails on a warning alone, not only on errors",
    () => {
      const warned = copySpec();
      try {
        warned.edit("redocly.yaml", (config) => (config.rules["operation-summary"] = "warn"));
        warned.edit(stop, (doc) => delete doc.post.summary);
        const run = spawnSync(process.execPath, [lintCli, warned.dir], { encoding: "utf8" });
        expect(run.stderr).toMatch(/warn operation-summary/);
        expect(run.status).toBe(1);
      } finally {
        warned.remove();
      }
    },
    redoclyTimeout,
  );
});
