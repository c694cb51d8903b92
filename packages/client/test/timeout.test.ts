import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365TimeoutError } from "../src/index.js";
import { BASE, SESSION_ID, fakeFetch, hang, session } from "./helpers/fake-fetch.js";

function silentServer() {
  return fakeFetch(hang);
}

describe("timeouts and cancellation", () => {
  it("a request with no answer within timeoutMs is a Vbm365TimeoutError", async () => {
    const server = silentServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, timeoutMs: 20, retry: false });
    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Vbm365TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, message: `GET /v6/RestoreSessions/${SESSION_ID}: no answer within 20 ms` });
    expect((error as Error).cause).toMatchObject({ name: "TimeoutError" });
  });

  it("each attempt has its own deadline: a timed-out GET is retried", async () => {
    let calls = 0;
    const server = fakeFetch((request) => (++calls === 1 ? hang(request) : Response.json(session(1))));
    const vbm = createVbm365Client({
      baseUrl: BASE,
      auth: { token: "t" },
      fetch: server.fetch,
      timeoutMs: 20,
      retry: { minDelayMs: 1, maxDelayMs: 1 },
    });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(calls).toBe(2);
  });

  it("the caller's signal cancels the call with the caller's reason, and is not retried", async () => {
    const server = silentServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch });
    const controller = new AbortController();
    const pending = vbm.restoreSessions.get(SESSION_ID, { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("cancelled by user"));
    await expect(pending).rejects.toThrow("cancelled by user");
    expect(server.requests).toHaveLength(1);
  });

  it("the caller's signal ends a walk", async () => {
    const server = silentServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch });
    const controller = new AbortController();
    const walk = (async () => {
      for await (const _ of vbm.restoreSessions.iterate({ signal: controller.signal })) void _;
    })();
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("stop walking"));
    await expect(walk).rejects.toThrow("stop walking");
  });

  it("refuses a timeoutMs that is not a positive number", () => {
    expect(() => createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, timeoutMs: 0 })).toThrow(
      "timeoutMs: 0 must be a positive number",
    );
  });
});
