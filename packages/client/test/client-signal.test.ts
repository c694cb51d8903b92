import { describe, expect, it } from "vitest";
import { createVbm365Client } from "../src/index.js";
import { BASE, SESSION_ID, fakeFetch, hang } from "./helpers/fake-fetch.js";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the client's own signal", () => {
  it("ends a login to a server that never answers, with its reason, and is not retried", async () => {
    const server = fakeFetch(hang);
    const controller = new AbortController();
    const vbm = createVbm365Client({
      baseUrl: BASE,
      auth: { username: "u", password: "p" },
      fetch: server.fetch,
      signal: controller.signal,
    });
    const pending = vbm.restoreSessions.get(SESSION_ID);
    await tick();
    controller.abort(new Error("job deadline"));
    await expect(pending).rejects.toThrow("job deadline");
    expect(server.requests.map((request) => request.url)).toEqual([`${BASE}/v6/token`]);
  });

  it("ends the version probe of an auto client", async () => {
    const server = fakeFetch(hang);
    const controller = new AbortController();
    const vbm = createVbm365Client({
      baseUrl: BASE,
      auth: { token: "t" },
      apiVersion: "auto",
      fetch: server.fetch,
      signal: controller.signal,
    });
    const pending = vbm.apiVersion();
    await tick();
    controller.abort(new Error("job deadline"));
    await expect(pending).rejects.toThrow("job deadline");
  });

  it("works beside a call's own signal: either one aborts the call", async () => {
    const server = fakeFetch(hang);
    const job = new AbortController();
    const call = new AbortController();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, signal: job.signal });
    const byCall = vbm.restoreSessions.get(SESSION_ID, { signal: call.signal });
    const byJob = vbm.restoreSessions.get(SESSION_ID, { signal: new AbortController().signal });
    await tick();
    call.abort(new Error("call cancelled"));
    await expect(byCall).rejects.toThrow("call cancelled");
    job.abort(new Error("job deadline"));
    await expect(byJob).rejects.toThrow("job deadline");
  });
});
