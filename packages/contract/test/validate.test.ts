// The validator on hand-made answers: each kind of disagreement is named with the
// operation, the JSON pointer, and the expected and actual value.
import { describe, expect, it } from "vitest";
import type { HttpResponse } from "../src/http.js";
import { listOperations, loadSpec } from "../src/spec.js";
import { validateResponse } from "../src/validate.js";

const operations = listOperations(loadSpec());
const op = (id: string) => operations.find((o) => o.operationId === id)!;
const getSession = op("RestoreSession_GetByRestoreSessionId");
const token = op("token");

const session = {
  id: "635b22cf-9cdc-4004-9160-9b90f90f1bbf",
  type: "Vex",
  creationTime: "2022-02-22T15:40:25.1612392Z",
  state: "Stopped",
  result: "Success",
};

function answer(body: unknown, status = 200, contentType = "application/json; charset=utf-8"): HttpResponse {
  return {
    status,
    contentType,
    mediaType: contentType.split(";")[0]!,
    text: typeof body === "string" ? body : JSON.stringify(body),
    headers: {},
  };
}

const check = (body: unknown, status = 200, contentType?: string) =>
  validateResponse(getSession, "GET /v6/RestoreSessions/x", answer(body, status, contentType), { statuses: [200] }).violations;

describe("validateResponse", () => {
  it("accepts a session that matches the schema, with fields the spec does not list", () => {
    expect(check({ ...session, extra: 1 })).toEqual([]);
  });

  it("names a wrong type with pointer, expected type and actual value", () => {
    expect(check({ ...session, name: 42 })).toEqual([
      expect.objectContaining({
        operationId: "RestoreSession_GetByRestoreSessionId",
        kind: "schema",
        rule: "type",
        pointer: "/name",
        expected: "type string",
        actual: "42",
      }),
    ]);
  });

  it("points a missing required property at the property itself", () => {
    const { state: _, ...withoutState } = session;
    expect(check(withoutState)).toEqual([
      expect.objectContaining({ kind: "schema", rule: "required", pointer: "/state", actual: "absent" }),
    ]);
  });

  it("lists the allowed values of an enum", () => {
    expect(check({ ...session, type: "Vexx" })).toEqual([
      expect.objectContaining({ rule: "enum", pointer: "/type", expected: 'one of "Vex", "Veod", "Vesp", "Vet"', actual: '"Vexx"' }),
    ]);
  });

  it("checks formats: a date that is not a date", () => {
    expect(check({ ...session, creationTime: "yesterday" })).toEqual([
      expect.objectContaining({ rule: "format", pointer: "/creationTime", expected: "format date-time", actual: '"yesterday"' }),
    ]);
  });

  it("reports a status the call should not get, with the body's start", () => {
    expect(check({ message: "boom" }, 500)).toEqual([
      expect.objectContaining({ kind: "status", expected: "200", actual: expect.stringContaining("500") }),
    ]);
  });

  it("reports an undeclared content type and a body that is not JSON", () => {
    expect(check(session, 200, "text/html")).toEqual([
      expect.objectContaining({ kind: "content-type", expected: "application/json", actual: "text/html" }),
    ]);
    expect(check("<html>", 200)).toEqual([expect.objectContaining({ kind: "invalid-json" })]);
  });

  it("validates error answers against the declared error body", () => {
    // The error body is an object whose message, when there, is text.
    const refused = (body: unknown) => validateResponse(getSession, "GET x", answer(body, 404), { statuses: [404] }).violations;
    expect(refused({ message: 42 })).toEqual([
      expect.objectContaining({ kind: "schema", rule: "type", pointer: "/message", expected: "type string", actual: "42" }),
    ]);
    expect(refused(["nope"])).toEqual([expect.objectContaining({ kind: "schema", rule: "type", pointer: "", expected: "type object" })]);
    expect(refused({ errorCode: "NotFound" })).toEqual([]);
  });

  it("never prints a token it is shown", () => {
    const issued = { access_token: ["s3cret-value"], refresh_token: "s3cret-refresh", token_type: "bearer", expires_in: "soon" };
    const wrongShape = validateResponse(token, "POST /v6/token", answer(issued), { statuses: [200] }).violations;
    expect(wrongShape).toContainEqual(expect.objectContaining({ rule: "type", pointer: "/access_token", actual: "<redacted>" }));
    const wrongStatus = validateResponse(token, "POST /v6/token", answer(issued, 203), { statuses: [200] }).violations;
    expect(wrongStatus).toEqual([expect.objectContaining({ kind: "status" })]);
    const notJson = validateResponse(token, "POST /v6/token", answer('{"access_token": "s3cret-value", oops', 200), {
      statuses: [200],
    }).violations;
    expect(notJson).toEqual([expect.objectContaining({ kind: "invalid-json" })]);
    for (const v of [...wrongShape, ...wrongStatus, ...notJson]) expect(JSON.stringify(v)).not.toMatch(/s3cret/);
  });
});

describe("x-vbm365-lenient-format", () => {
  const dates = (issued: string, expires = "2022-02-22T16:40:00Z") => ({
    access_token: "a",
    refresh_token: "r",
    token_type: "bearer",
    expires_in: 3600,
    userName: "u",
    ".issued": issued,
    ".expires": expires,
  });
  const tokenAnswer = (body: unknown) => validateResponse(token, "POST /v6/token", answer(body), { statuses: [200] });

  it("turns an RFC 1123 date where the spec lists rfc1123 into a warning naming the field", () => {
    const { violations, warnings } = tokenAnswer(dates("Tue, 22 Feb 2022 15:40:00 GMT"));
    expect(violations).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({ kind: "schema", rule: "lenient-format", pointer: "/.issued", actual: '"Tue, 22 Feb 2022 15:40:00 GMT"' }),
    ]);
  });

  it("passes an ISO 8601 date-time without a warning, and fails a value in neither form", () => {
    expect(tokenAnswer(dates("2022-02-22T15:40:00.1234567Z"))).toMatchObject({ violations: [], warnings: [] });
    for (const notADate of [
      "yesterday",
      "Tue, 30 Feb 2022 15:40:00 GMT",
      "Wed, 22 Feb 2022 15:40:00 GMT",
      "Tue, 22 Feb 2022 25:40:00 GMT",
      "22/02/2022 15:40",
    ]) {
      const { violations, warnings } = tokenAnswer(dates(notADate));
      expect(violations, notADate).toEqual([
        expect.objectContaining({ rule: "format", pointer: "/.issued", expected: "format date-time" }),
      ]);
      expect(warnings, notADate).toEqual([]);
    }
  });

  it("reads the marker from the schema, whatever the field is called, and only there", () => {
    const when = { type: "string", format: "date-time", "x-vbm365-lenient-format": ["rfc1123"] };
    const probe = {
      ...getSession,
      responses: {
        "200": {
          content: {
            "application/json": { schema: { type: "object", properties: { when, strict: { type: "string", format: "date-time" } } } },
          },
        },
      },
    };
    const rfc1123 = "Tue, 22 Feb 2022 15:40:00 GMT";
    const { violations, warnings } = validateResponse(probe, "GET x", answer({ when: rfc1123, strict: rfc1123 }), { statuses: [200] });
    expect(warnings.map((w) => w.pointer)).toEqual(["/when"]);
    expect(violations.map((v) => [v.pointer, v.rule])).toEqual([["/strict", "format"]]);
    // The session's creationTime carries no marker: the same date is a violation there.
    expect(check({ ...session, creationTime: rfc1123 })).toEqual([expect.objectContaining({ rule: "format", pointer: "/creationTime" })]);
  });
});
