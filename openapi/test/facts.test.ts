// Each version's bundle against the facts of shared/reference/api-facts.md for that version:
// operations, operationIds, parameters, fields, types, formats, enums, nullability, required
// lists and status codes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiVersions, bundlePaths } from "../index.js";
import { compareWithFacts } from "./facts-check.js";
import { facts, type ApiVersion } from "./facts.js";

const bundleOf = (version: ApiVersion) => JSON.parse(readFileSync(bundlePaths(version).dereferenced, "utf8"));

describe.each(apiVersions as ApiVersion[])("the %s bundle", (version) => {
  it("says what the vendor's documents say, and nothing else without a description saying so", () => {
    expect(compareWithFacts(bundleOf(version), facts[version])).toEqual([]);
  });
});

describe("the facts check can fail", () => {
  it("reports each kind of difference, naming where", () => {
    const bundle = bundleOf("v8");
    const session = bundle.paths["/v8/RestoreSessions/{restoreSessionId}"].get.responses["200"].content["application/json"].schema;
    delete session.properties.reason;
    session.properties.invented = { type: "string" };
    session.required.push("name");
    session.properties.endTime.type = "string";
    const organization = bundle.paths["/v8/RestoreSessions/{restoreSessionId}/organization"].get;
    organization.responses["200"].content["application/json"].schema.properties.type.enum = ["Office365", "OnPremises", "Hybrid"];
    organization.responses["418"] = { description: "A teapot." };
    organization.operationId = "Organization_Get";
    const token = bundle.paths["/v8/token"].post;
    token.responses["200"].content["application/json"].schema.properties.expires_in.format = "int32";
    token.security = [{ bearerAuth: [] }];
    delete bundle.paths["/v8/RestoreSessions/{restoreSessionId}/Stop"].post.responses["204"];
    bundle.paths["/v8/RestoreSessions"].get.parameters = bundle.paths["/v8/RestoreSessions"].get.parameters.filter(
      (p: any) => p.name !== "orderAsc",
    );
    delete bundle.paths["/v8/RestoreSessions/{restoreSessionId}/Statistics"];
    const events = bundle.paths["/v8/RestoreSessions/{restoreSessionId}/Events"].get;
    delete events.responses["200"]["x-veeam-page-result"];
    events.parameters.find((p: any) => p.name === "limit").schema.maximum = 1000;

    const problems = compareWithFacts(bundle, facts.v8);
    const get = "GET /v8/RestoreSessions/{restoreSessionId}";
    expect(problems).toEqual(
      expect.arrayContaining([
        `${get}: 200 RestoreSession fields: missing reason`,
        `${get}: 200 RestoreSession fields: not in the facts: invented`,
        `${get}: 200 RestoreSession required: not in the facts: name`,
        `${get}: 200 RestoreSession.endTime type: missing null`,
        `${get}/organization: 200 BackupOrganization.type enum: missing null`,
        `${get}/organization: 418 is not in the vendor's documents and its description does not say it is expected or inferred`,
        `${get}/organization: operationId Organization_Get, facts say BackupOrganization_GetByRestoreSessionId`,
        "POST /v8/token: 200 TokenResponse.expires_in: format int32, facts say int64",
        "POST /v8/token: must be anonymous (security: [])",
        "POST /v8/RestoreSessions/{restoreSessionId}/Stop: success statuses: missing 204",
        "GET /v8/RestoreSessions: parameters: missing orderAsc",
        "GET /v8/RestoreSessions/{restoreSessionId}/Statistics: missing from the bundle",
        "GET /v8/RestoreSessions/{restoreSessionId}/Events: 200: x-veeam-page-result is undefined, facts say true",
        "GET /v8/RestoreSessions/{restoreSessionId}/Events: parameter limit: maximum 1000, facts say 10000",
      ]),
    );
  });

  it("holds v6 to v6: a v6 bundle fails the v8 facts on v8's additions", () => {
    const problems = compareWithFacts(bundleOf("v6"), facts.v8);
    expect(problems).toContain("GET /v6/RestoreSessions: not in the facts");
    expect(problems).toContain("GET /v8/RestoreSessions/{restoreSessionId}/Statistics: missing from the bundle");
  });
});
