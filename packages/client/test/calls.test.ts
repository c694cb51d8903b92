import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError } from "../src/index.js";
import { BASE, EVENT_ID, SESSION_ID, event, fakeFetch, session } from "./helpers/fake-fetch.js";

describe("single calls", () => {
  it("get, event and organization hit their paths and return the typed body", async () => {
    const org = { id: SESSION_ID, name: "abc.onmicrosoft.com", type: "Office365" };
    const { requests, fetch } = fakeFetch((_, url) => {
      if (url.pathname.endsWith("/organization")) return Response.json(org);
      if (url.pathname.includes("/Events/")) return Response.json(event(1));
      return Response.json(session(1));
    });
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });

    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(await vbm.restoreSessions.event(SESSION_ID, EVENT_ID)).toEqual(event(1));
    expect(await vbm.restoreSessions.organization(SESSION_ID)).toEqual(org);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /v6/RestoreSessions/${SESSION_ID}`,
      `GET /v6/RestoreSessions/${SESSION_ID}/Events/${EVENT_ID}`,
      `GET /v6/RestoreSessions/${SESSION_ID}/organization`,
    ]);
  });

  it("stop POSTs with no body and resolves on the empty 200", async () => {
    const { requests, fetch } = fakeFetch(() => new Response(null, { status: 200 }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });

    await expect(vbm.restoreSessions.stop(SESSION_ID)).resolves.toBeUndefined();
    expect(requests[0]!.method).toBe("POST");
    expect(new URL(requests[0]!.url).pathname).toBe(`/v6/RestoreSessions/${SESSION_ID}/Stop`);
    expect(await requests[0]!.text()).toBe("");
  });

  it("a 404 is a Vbm365ApiError with status, method, path, body and the server's message", async () => {
    const body = { message: `Restore session with ID ${SESSION_ID} not found.`, errorCode: "NotFound" };
    const { fetch } = fakeFetch(() => Response.json(body, { status: 404 }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });

    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      path: `/v6/RestoreSessions/${SESSION_ID}`,
      body,
      message: `GET /v6/RestoreSessions/${SESSION_ID} failed with HTTP 404: ${body.message}`,
    });
  });

  it("an error without a body still says what failed", async () => {
    const { fetch } = fakeFetch(() => new Response("", { status: 403 }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });
    await expect(vbm.restoreSessions.stop(SESSION_ID)).rejects.toThrow(`POST /v6/RestoreSessions/${SESSION_ID}/Stop failed with HTTP 403`);
  });

  it("passes enum values the spec does not know through untouched", async () => {
    const newer = { ...session(1), state: "Starting", result: "Cancelled", type: "Vcopilot" };
    const { fetch } = fakeFetch((_, url) =>
      url.pathname.endsWith("RestoreSessions") ? Response.json({ offset: 0, limit: 30, results: [newer] }) : Response.json(newer),
    );
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });

    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(newer);
    const all = [];
    for await (const s of vbm.restoreSessions.iterate()) all.push(s);
    expect(all).toEqual([newer]);
  });

  it("the typed api client carries the same auth", async () => {
    const { requests, fetch } = fakeFetch(() => Response.json(session(1)));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch });
    await vbm.api.GET("/v6/RestoreSessions/{restoreSessionId}", { params: { path: { restoreSessionId: SESSION_ID } } });
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer t0ken");
  });
});
