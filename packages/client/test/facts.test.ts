import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, OPERATION_PATHS } from "../src/generated/facts.js";

describe("the spec's facts, generated", () => {
  it("match a request path to its operation in any version and case, one segment per parameter", () => {
    expect(OPERATION_PATHS.RestoreSession_GetPage.test("/v7/restoresessions")).toBe(true);
    expect(OPERATION_PATHS.RestoreSession_GetPage.test("/v7/RestoreSessions/1")).toBe(false);
    expect(OPERATION_PATHS.RestoreSession_GetByRestoreSessionId.test("/v6/RestoreSessions/abc")).toBe(true);
    expect(OPERATION_PATHS.RestoreSession_GetByRestoreSessionId.test("/v6/RestoreSessions/abc/Events")).toBe(false);
    expect(OPERATION_PATHS.token.test("/v8/token")).toBe(true);
    // Statistics exist only in v8.
    expect(OPERATION_PATHS.RestoreSession_GetRestoreStatistics.test("/v7/RestoreSessions/abc/Statistics")).toBe(false);
  });

  it("list each answer's fields with the spec's type, required where every version requires them", () => {
    expect(ANSWER_FIELDS.RestoreSession.creationTime).toEqual({ type: "date-time", required: true, nullable: false });
    expect(ANSWER_FIELDS.RestoreSession.endTime).toEqual({ type: "date-time", required: false, nullable: true });
    expect(ANSWER_FIELDS.RestoreStatistics.items).toEqual({ type: "array", required: true, nullable: false });
    const required = Object.entries(ANSWER_FIELDS.RestoreSession)
      .filter(([, fact]) => fact.required)
      .map(([name]) => name);
    expect(required.sort()).toEqual(["creationTime", "id", "result", "state", "type"]);
  });
});
