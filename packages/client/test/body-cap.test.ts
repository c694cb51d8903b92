// A response body is capped (default 64 MiB, `maxBodyBytes`): by its Content-Length before
// reading, and by the bytes counted as they arrive when the length is not announced.
import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError } from "../src/index.js";
import { BASE, SESSION_ID, fakeFetch, session } from "./helpers/fake-fetch.js";

/** A chunked body of `chunks` chunks of `size` bytes, counting how many were pulled. */
function endless(chunks: number, size: number) {
  let pulled = 0;
  const chunk = new Uint8Array(size).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled++ >= chunks) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { response: new Response(body, { headers: { "content-type": "application/json" } }), pulled: () => pulled };
}

describe("response body cap", () => {
  it("refuses an announced Content-Length over maxBodyBytes without reading it", async () => {
    const { fetch } = fakeFetch(() => new Response("{}", { headers: { "content-length": "5000" } }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, maxBodyBytes: 4096 });

    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({ status: 200, path: `/v6/RestoreSessions/${SESSION_ID}` });
    expect((error as Error).message).toContain("5000 bytes");
    expect((error as Error).message).toContain("maxBodyBytes (4096 bytes)");
  });

  it("stops reading a chunked body as soon as it passes maxBodyBytes", async () => {
    const body = endless(10_000, 1024);
    const { requests, fetch } = fakeFetch(() => body.response);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, maxBodyBytes: 8 * 1024 });

    const error = await vbm.restoreSessions.list().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect((error as Error).message).toContain("maxBodyBytes (8192 bytes)");
    expect(body.pulled()).toBeLessThan(20);
    expect(requests).toHaveLength(1); // the same answer would come again: not retried
  });

  it("the default cap is 64 MiB: a 65 MiB announced body is refused", async () => {
    const { fetch } = fakeFetch(() => new Response("{}", { headers: { "content-length": String(65 * 1024 * 1024) } }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toThrow("maxBodyBytes (67108864 bytes)");
  });

  it("a body up to the cap is read whole", async () => {
    const text = JSON.stringify(session(1));
    const { fetch } = fakeFetch(() => new Response(text, { headers: { "content-type": "application/json" } }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, maxBodyBytes: text.length });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
  });

  it("refuses a maxBodyBytes that is not a positive whole number", () => {
    expect(() => createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, maxBodyBytes: 0 })).toThrow(/^maxBodyBytes: 0 must be/);
  });
});
