import { describe, expect, it } from "vitest";
import { apiVersions, bundlePaths, type ApiVersion } from "../index.js";
import { checkAgainstRelease, findBreakingChanges, majorVersion, readJson, releasedPath } from "../scripts/breaking-changes.mjs";

const released = readJson(releasedPath("v6"));

describe.each(apiVersions as ApiVersion[])("the breaking-change gate on the real %s bundle", (version) => {
  it("passes: the current bundle keeps every promise of that version's last release, or bumps the major", () => {
    const result = checkAgainstRelease(readJson(releasedPath(version)), readJson(bundlePaths(version).json));
    expect(
      result.ok,
      `${version}: breaking changes without a major bump:\n${result.changes.join("\n")}\n` +
        "Bump info.version's major in openapi/openapi.yaml, or undo them.",
    ).toBe(true);
  });
});

describe("each version has its own baseline", () => {
  it("v8's release differs from v6's where v8 differs, so a v8-only break is caught", () => {
    const v8 = readJson(releasedPath("v8"));
    const next = structuredClone(v8);
    next.paths["/v8/RestoreSessions"].get.parameters.pop();
    expect(findBreakingChanges(v8, next)).toEqual(["GET /v8/RestoreSessions: query parameter orderAsc removed"]);
  });
});

/** The released bundle with one change applied, as the next bundle. */
function changed(change: (spec: any) => void) {
  const spec = structuredClone(released);
  change(spec);
  return spec;
}

const list = (spec: any) => spec.paths["/v6/RestoreSessions"].get;
const schemas = (spec: any) => spec.components.schemas;

describe("the gate finds each kind of breaking change", () => {
  it.each<[string, (spec: any) => void, string]>([
    [
      "a removed operation",
      (s) => delete s.paths["/v6/RestoreSessions/{restoreSessionId}/Stop"].post,
      "POST /v6/RestoreSessions/{restoreSessionId}/Stop: operation removed",
    ],
    [
      "a removed parameter",
      (s) => (list(s).parameters = list(s).parameters.filter((p: any) => !p.$ref.endsWith("/startTimeTo"))),
      "GET /v6/RestoreSessions: query parameter startTimeTo removed",
    ],
    [
      "a removed response field",
      (s) => delete schemas(s).RestoreSession.properties.clientHost,
      "GET /v6/RestoreSessions: response 200 application/json.results[]: field clientHost removed",
    ],
    [
      "a response field no longer required",
      (s) => (schemas(s).RestoreSessionEvent.required = ["id", "status", "startTime", "order"]),
      "GET /v6/RestoreSessions/{restoreSessionId}/Events/{eventId}: response 200 application/json: field message is no longer required",
    ],
    [
      "a removed enum value",
      (s) => (schemas(s).RestoreSessionType.enum = ["Vex", "Veod", "Vesp"]),
      'GET /v6/RestoreSessions/{restoreSessionId}: response 200 application/json.type: value "Vet" removed',
    ],
    [
      "a removed const value",
      (s) => (schemas(s).RefreshTokenRequest.properties.grant_type.const = "refresh"),
      'POST /v6/token: request body application/x-www-form-urlencoded(oneOf 2).grant_type: value "refresh_token" removed',
    ],
    [
      "a parameter newly required",
      (s) => (s.components.parameters.limit.required = true),
      "GET /v6/RestoreSessions: query parameter limit is now required",
    ],
    [
      "a new required parameter",
      (s) => list(s).parameters.push({ name: "organizationId", in: "query", required: true, schema: { type: "string" } }),
      "GET /v6/RestoreSessions: new query parameter organizationId is required",
    ],
    [
      "a request field newly required",
      (s) => {
        schemas(s).RefreshTokenRequest.properties.client_id = { type: "string", description: "New." };
        schemas(s).RefreshTokenRequest.required.push("client_id");
      },
      "POST /v6/token: request body application/x-www-form-urlencoded(oneOf 2): field client_id is now required",
    ],
    [
      "a changed parameter type",
      (s) => (s.components.parameters.offset.schema.type = "string"),
      "GET /v6/RestoreSessions: query parameter offset: type changed from integer to string",
    ],
    [
      "a changed response type (nullable no more)",
      (s) => (schemas(s).RestoreSessionPage.properties.totalCount.type = "integer"),
      "GET /v6/RestoreSessions: response 200 application/json.totalCount: type changed from integer | null to integer",
    ],
    [
      "a changed format",
      (s) => (schemas(s).RestoreSession.properties.creationTime.format = "date"),
      "GET /v6/RestoreSessions: response 200 application/json.results[].creationTime: format changed from date-time to date",
    ],
    [
      "a changed operationId",
      (s) => (s.paths["/v6/token"].post.operationId = "Token_Create"),
      "POST /v6/token: operationId changed from token to Token_Create",
    ],
    [
      "a removed success response",
      (s) => delete s.paths["/v6/RestoreSessions/{restoreSessionId}/organization"].get.responses["200"],
      "GET /v6/RestoreSessions/{restoreSessionId}/organization: response 200 removed",
    ],
  ])("%s", (_kind, change, expected) => {
    expect(findBreakingChanges(released, changed(change))).toContain(expected);
    expect(checkAgainstRelease(released, changed(change)).ok).toBe(false);
  });
});

describe("the gate lets through", () => {
  it("additions and prose: a new optional field, parameter, enum value and operation, new descriptions", () => {
    const next = changed((s) => {
      schemas(s).RestoreSession.properties.restoredItems = { type: "integer", description: "New." };
      schemas(s).RestoreSessionState.enum.push("Starting");
      list(s).parameters.push({ name: "type", in: "query", description: "New.", schema: { type: "string" } });
      list(s).description = "Reworded.";
      s.paths["/v6/RestoreSessions/{restoreSessionId}/Restore"] = { post: { operationId: "X", responses: { 200: { description: "ok" } } } };
    });
    expect(findBreakingChanges(released, next)).toEqual([]);
    expect(checkAgainstRelease(released, next).ok).toBe(true);
  });

  it("a breaking change that comes with a new major version, but not with a minor one", () => {
    const breaking = (version: string) =>
      changed((s) => {
        delete s.paths["/v6/token"].post;
        s.info.version = version;
      });
    const major = majorVersion(released);
    expect(checkAgainstRelease(released, breaking(`${major + 1}.0.0`))).toMatchObject({ ok: true, majorBumped: true });
    expect(checkAgainstRelease(released, breaking(`${major}.1.0`))).toMatchObject({ ok: false, majorBumped: false });
  });

  it("rejects an info.version that is not a version, with a clear message", () => {
    expect(() =>
      checkAgainstRelease(
        released,
        changed((s) => (s.info.version = "next")),
      ),
    ).toThrow(/info.version "next" is not a semantic version/);
  });
});
