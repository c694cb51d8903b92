// toClientError: the one mapping from a failed call to what the caller sees. Pure, so each
// rule is checked here on its own, without a server.
import { describe, expect, it } from "vitest";
import {
  toClientError,
  Vbm365ApiError,
  Vbm365NetworkError,
  Vbm365TimeoutError,
  Vbm365ValidationError,
  Vbm365WalkError,
} from "../src/errors.js";

const call = { method: "GET", path: "/v6/RestoreSessions", timeoutMs: 1500, secrets: ["s3cret-token", undefined] };

describe("toClientError", () => {
  it("a non-2xx answer is a Vbm365ApiError naming method, path, status and the server's message", () => {
    const error = toClientError({ kind: "status", status: 404, text: '{"message":"Not found.","errorCode":"NotFound"}' }, call);
    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      path: "/v6/RestoreSessions",
      body: { message: "Not found.", errorCode: "NotFound" },
    });
    expect((error as Error).message).toBe("GET /v6/RestoreSessions failed with HTTP 404: Not found.");
  });

  it("an error body that is not JSON is kept as text, and a missing message still names the call", () => {
    expect(toClientError({ kind: "status", status: 502, text: "<html>Bad gateway</html>" }, call)).toMatchObject({
      body: "<html>Bad gateway</html>",
      message: "GET /v6/RestoreSessions failed with HTTP 502",
    });
    expect(toClientError({ kind: "status", status: 403, text: "" }, call)).toMatchObject({
      body: undefined,
      message: "GET /v6/RestoreSessions failed with HTTP 403",
    });
  });

  it("secrets in an error body are redacted", () => {
    const error = toClientError({ kind: "status", status: 400, text: '{"message":"bad token s3cret-token"}' }, call);
    expect(error).toMatchObject({
      body: { message: "bad token [redacted]" },
      message: "GET /v6/RestoreSessions failed with HTTP 400: bad token [redacted]",
    });
  });

  it("a 2xx body that is not JSON is a Vbm365ApiError with the parse error as cause", () => {
    const cause = new SyntaxError("Unexpected token <");
    const error = toClientError({ kind: "notJson", status: 200, cause }, call);
    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({
      status: 200,
      message: "GET /v6/RestoreSessions failed with HTTP 200: the body is not JSON (a proxy's page?)",
      cause,
    });
  });

  it("a deadline is a Vbm365TimeoutError keeping the abort as cause", () => {
    const abort = new DOMException("1500 ms", "TimeoutError");
    const error = toClientError({ kind: "thrown", error: abort }, call);
    expect(error).toBeInstanceOf(Vbm365TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1500, message: "GET /v6/RestoreSessions: no answer within 1500 ms", cause: abort });
  });

  it("fetch's TypeError is a Vbm365NetworkError naming undici's code, secrets redacted", () => {
    const failed = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    expect(toClientError({ kind: "thrown", error: failed }, call)).toMatchObject({
      name: "Vbm365NetworkError",
      message: "GET /v6/RestoreSessions: no answer (ECONNREFUSED)",
      cause: failed,
    });
    const echoing = new TypeError("fetch failed", { cause: { message: "bad header Bearer s3cret-token" } });
    expect((toClientError({ kind: "thrown", error: echoing }, call) as Error).message).toBe(
      "GET /v6/RestoreSessions: no answer (bad header Bearer [redacted])",
    );
  });

  it("a Vbm365ValidationError is a TypeError but a caller's mistake, not a network failure: it comes back as it was", () => {
    const mistake = new Vbm365ValidationError("id", "nope", "is not a uuid");
    expect(mistake).toBeInstanceOf(TypeError);
    const error = toClientError({ kind: "thrown", error: mistake }, call);
    expect(error).toBe(mistake);
    expect(error).not.toBeInstanceOf(Vbm365NetworkError);
  });

  it("another TypeError subclass is not taken for a network failure either", () => {
    class OwnTypeError extends TypeError {}
    const own = new OwnTypeError("a bug of the caller's fetch wrapper");
    expect(toClientError({ kind: "thrown", error: own }, call)).toBe(own);
  });

  it("the client's own errors (a refused redirect, a walk error) pass through unchanged", () => {
    const redirect = new Vbm365ApiError({ method: "GET", path: "/x", status: 302, body: undefined, detail: "redirect refused" });
    const walk = new Vbm365WalkError("repeated", 2, "repeats");
    expect(toClientError({ kind: "thrown", error: redirect }, call)).toBe(redirect);
    expect(toClientError({ kind: "thrown", error: walk }, call)).toBe(walk);
  });

  it("the caller's own abort comes back with the caller's reason, whatever fetch threw", () => {
    const controller = new AbortController();
    const reason = new Error("cancelled by user");
    controller.abort(reason);
    const thrown = new DOMException("aborted", "AbortError");
    expect(toClientError({ kind: "thrown", error: thrown }, { ...call, signal: controller.signal })).toBe(reason);
  });

  it("anything else is passed on as it was", () => {
    const bug = new RangeError("out of range");
    expect(toClientError({ kind: "thrown", error: bug }, call)).toBe(bug);
  });
});
