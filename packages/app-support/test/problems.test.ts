import { Vbm365ApiError, Vbm365NetworkError, Vbm365TimeoutError, Vbm365ValidationError, Vbm365WalkError } from "@vbm365/client";
import { describe, expect, it } from "vitest";
import { classifyError, SettingsError } from "../src/index.js";

const apiError = (status: number, path: string, body?: unknown) => new Vbm365ApiError({ method: "GET", path, status, body });
const networkError = (code: string) =>
  new Vbm365NetworkError({
    method: "GET",
    path: "/v8/RestoreSessions",
    detail: `no answer (${code})`,
    cause: new TypeError("fetch failed", { cause: { code } }),
  });

describe("classifyError", () => {
  it("tells a missing version from a missing session by the spec's paths", () => {
    expect(classifyError(apiError(404, "/v8/RestoreSessions"))).toEqual({ kind: "versionNotServed", path: "/v8/RestoreSessions" });
    expect(classifyError(apiError(404, "/v7/token"))).toMatchObject({ kind: "versionNotServed" });
    const events = "/v8/RestoreSessions/8f1c0c1e-0000-4000-8000-000000000001/Events";
    expect(classifyError(apiError(404, events, { message: "Restore session not found." }))).toEqual({
      kind: "noSuchSession",
      path: events,
      serverMessage: "Restore session not found.",
    });
  });

  it("sorts the statuses a user acts on differently", () => {
    expect(classifyError(apiError(401, "/v8/RestoreSessions"))).toEqual({ kind: "credentials", status: 401, serverMessage: undefined });
    expect(classifyError(apiError(429, "/v8/RestoreSessions"))).toEqual({ kind: "rateLimited" });
    expect(classifyError(apiError(400, "/v8/RestoreSessions", { message: "bad limit" }))).toEqual({
      kind: "rejected",
      serverMessage: "bad limit",
    });
    expect(classifyError(apiError(503, "/v8/RestoreSessions"))).toEqual({ kind: "serverError", status: 503, serverMessage: undefined });
    expect(classifyError(apiError(200, "/v8/RestoreSessions"))).toMatchObject({ kind: "badAnswer", status: 200 });
  });

  it("takes the user's own mistakes as input, and ended walks with their reason", () => {
    expect(classifyError(new Vbm365ValidationError("id", "x", "is not a uuid"))).toEqual({
      kind: "input",
      detail: 'id: "x" is not a uuid',
    });
    expect(classifyError(new SettingsError("VBM365_URL is bad"))).toEqual({ kind: "input", detail: "VBM365_URL is bad" });
    expect(classifyError(new Vbm365WalkError("repeated", 3, "it repeats"))).toMatchObject({ kind: "walkStopped", reason: "repeated" });
  });

  it("reads network and certificate codes anywhere in the cause chain", () => {
    expect(classifyError(networkError("ECONNREFUSED"))).toEqual({ kind: "unreachable", detail: "connection refused" });
    expect(classifyError(networkError("DEPTH_ZERO_SELF_SIGNED_CERT"))).toEqual({ kind: "untrusted", code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect(classifyError(new Vbm365TimeoutError({ method: "GET", path: "/v8/RestoreSessions", timeoutMs: 5, cause: undefined }))).toEqual({
      kind: "timeout",
    });
    expect(classifyError(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).toEqual({ kind: "outputClosed" });
    expect(classifyError(new RangeError("oops"))).toEqual({ kind: "unexpected", detail: "oops" });
  });
});
