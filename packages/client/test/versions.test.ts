// One client for v6, v7 and v8 servers: paths and the login follow the
// version; "auto" asks the server once; v8-only features refuse to run against older servers.
import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError, Vbm365ValidationError } from "../src/index.js";
import { BASE, SESSION_ID, fakeFetch, session } from "./helpers/fake-fetch.js";

const STATISTICS = { totalItemsCount: 3, restoredItemsCount: 2, failedItemsCount: 1, skippedItemsCount: 0, items: [] };

/** A server that serves `versions` (401 without a token, 404 for other versions), as VBM365 8 does. */
function server(versions: string[]) {
  const forms: Record<string, string>[] = [];
  const recorded = fakeFetch(async (request, url) => {
    const version = /^\/(v\d+)\//.exec(url.pathname)?.[1] ?? "";
    if (!versions.includes(version)) return Response.json({ message: "not found" }, { status: 404 });
    if (/\/token$/i.test(url.pathname)) {
      forms.push(Object.fromEntries(new URLSearchParams(await request.text())));
      return Response.json({ access_token: "a-token", refresh_token: "r-token", expires_in: 3600 });
    }
    if (!request.headers.get("authorization"))
      return Response.json({ message: "Authorization has been denied for this request." }, { status: 401 });
    if (url.pathname.endsWith("/Statistics")) return Response.json(STATISTICS);
    if (url.pathname.endsWith("/Stop")) return new Response(null, { status: version === "v8" ? 204 : 200 });
    if (/RestoreSessions$/.test(url.pathname)) return Response.json({ offset: 0, limit: 30, results: [session(1)] });
    return Response.json(session(1));
  });
  const paths = () =>
    recorded.requests.map((r) => `${r.method} ${new URL(r.url).pathname}${r.headers.get("authorization") ? "" : " (anonymous)"}`);
  return { ...recorded, forms, paths };
}

const credentials = { username: "admin", password: "secret-password" };

describe("apiVersion", () => {
  it.each(["v6", "v7", "v8"] as const)("%s: data paths and the token path follow the version", async (apiVersion) => {
    const vbm = server([apiVersion]);
    const client = createVbm365Client({ baseUrl: BASE, auth: credentials, fetch: vbm.fetch, apiVersion });
    await client.restoreSessions.get(SESSION_ID);
    expect(vbm.paths()).toEqual([`POST /${apiVersion}/token (anonymous)`, `GET /${apiVersion}/RestoreSessions/${SESSION_ID}`]);
    expect(await client.apiVersion()).toBe(apiVersion);
  });

  it("the login sends disable_antiforgery_token=true on v7 and v8 only", async () => {
    const forms: Record<string, Record<string, string>> = {};
    for (const apiVersion of ["v6", "v7", "v8"] as const) {
      const vbm = server([apiVersion]);
      await createVbm365Client({ baseUrl: BASE, auth: credentials, fetch: vbm.fetch, apiVersion }).restoreSessions.list();
      forms[apiVersion] = vbm.forms[0]!;
    }
    expect(forms.v6).toEqual({ grant_type: "password", ...credentials });
    expect(forms.v7).toEqual({ grant_type: "password", ...credentials, disable_antiforgery_token: "true" });
    expect(forms.v8).toEqual(forms.v7);
  });

  it("is v6 when not given, and refuses a value it does not know", () => {
    expect(() => createVbm365Client({ baseUrl: BASE, auth: credentials, apiVersion: "v9" as "v8" })).toThrow(
      'apiVersion: "v9" is not "v6", "v7", "v8" or "auto"',
    );
  });
});

describe('apiVersion "auto"', () => {
  it("a v6-only server: asks v8, v7, v6 once, anonymously, then speaks v6 for the client's life", async () => {
    const vbm = server(["v6"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "auto" });
    await client.restoreSessions.get(SESSION_ID);
    await client.restoreSessions.list();
    expect(vbm.paths()).toEqual([
      "GET /v8/RestoreSessions (anonymous)",
      "GET /v7/RestoreSessions (anonymous)",
      "GET /v6/RestoreSessions (anonymous)",
      `GET /v6/RestoreSessions/${SESSION_ID}`,
      "GET /v6/RestoreSessions",
    ]);
    expect(await client.apiVersion()).toBe("v6");
  });

  it("a server with all three: v8 after one probe", async () => {
    const vbm = server(["v6", "v7", "v8"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: credentials, fetch: vbm.fetch, apiVersion: "auto" });
    expect(await client.restoreSessions.statistics(SESSION_ID)).toEqual(STATISTICS);
    expect(vbm.paths()).toEqual([
      "GET /v8/RestoreSessions (anonymous)",
      "POST /v8/token (anonymous)",
      `GET /v8/RestoreSessions/${SESSION_ID}/Statistics`,
    ]);
  });

  it("v8-only features fail with a Vbm365ValidationError naming the server's version, before any request for them", async () => {
    const vbm = server(["v6", "v7"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "auto" });
    const statistics = await client.restoreSessions.statistics(SESSION_ID).catch((e: unknown) => e);
    expect(statistics).toBeInstanceOf(Vbm365ValidationError);
    expect((statistics as Error).message).toMatch(/^statistics: .* needs REST API v8, and the client speaks v7/);
    await expect(client.restoreSessions.list({ orderBy: "EndTime" })).rejects.toThrow(/^orderBy: "EndTime" needs REST API v8/);
    const walk = client.restoreSessions.iterate({ endTimeFrom: "2024-01-01T00:00:00Z" })[Symbol.asyncIterator]();
    await expect(walk.next()).rejects.toThrow(/^endTimeFrom: .* needs REST API v8/);
    expect(vbm.paths().filter((line) => !line.endsWith("(anonymous)"))).toEqual([]);
  });

  it("a probe that fails is asked again on the next call; an answer is kept", async () => {
    let down = true;
    const vbm = server(["v8"]);
    const flaky = (async (request: Request) => {
      if (down) throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      return vbm.fetch(request);
    }) as typeof fetch;
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: flaky, apiVersion: "auto", retry: false });
    await expect(client.restoreSessions.get(SESSION_ID)).rejects.toThrow("GET /v8/RestoreSessions: no answer (ECONNREFUSED)");
    down = false;
    await client.restoreSessions.get(SESSION_ID);
    await client.restoreSessions.get(SESSION_ID);
    expect(vbm.paths().filter((line) => line.endsWith("(anonymous)"))).toEqual(["GET /v8/RestoreSessions (anonymous)"]);
  });

  it("a server that serves none of them is an error saying so", async () => {
    const vbm = server([]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "auto" });
    await expect(client.restoreSessions.list()).rejects.toThrow("serves none of the REST API versions v8, v7 and v6");
  });
});

describe("v8 features on a v8 client", () => {
  it("end-time filters and the order go out as the v8 query, dates in UTC", async () => {
    const vbm = server(["v8"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "v8" });
    await client.restoreSessions.list({
      endTimeFrom: "2024-01-01T02:00:00+02:00",
      endTimeTo: new Date(Date.UTC(2024, 1, 1)),
      orderBy: "EndTime",
      orderAsc: true,
    });
    const query = Object.fromEntries(new URL(vbm.requests[0]!.url).searchParams);
    expect(query).toEqual({
      endTimeFrom: "2024-01-01T00:00:00.000Z",
      endTimeTo: "2024-02-01T00:00:00.000Z",
      orderBy: "EndTime",
      orderAsc: "true",
    });
  });

  it("refuses an order it does not know and an end-time window the wrong way round", async () => {
    const vbm = server(["v8"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "v8" });
    await expect(client.restoreSessions.list({ orderBy: "Name" as "EndTime" })).rejects.toThrow(
      'orderBy: "Name" is not CreationTime or EndTime',
    );
    await expect(client.restoreSessions.list({ endTimeFrom: "2024-02-01T00:00:00Z", endTimeTo: "2024-01-01T00:00:00Z" })).rejects.toThrow(
      /^endTimeFrom: .* is after endTimeTo/,
    );
    expect(vbm.requests).toHaveLength(0);
  });

  it("stop resolves on v8's 204 as on v6's empty 200", async () => {
    const vbm = server(["v8"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "v8" });
    await expect(client.restoreSessions.stop(SESSION_ID)).resolves.toBeUndefined();
    expect(vbm.paths()).toEqual([`POST /v8/RestoreSessions/${SESSION_ID}/Stop`]);
  });

  it("a pinned v6 or v7 client refuses statistics from JavaScript callers too", async () => {
    const vbm = server(["v7"]);
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch: vbm.fetch, apiVersion: "v7" });
    const untyped = client.restoreSessions as unknown as { statistics(id: string): Promise<unknown> };
    await expect(untyped.statistics(SESSION_ID)).rejects.toThrow(/needs REST API v8, and the client speaks v7/);
    expect(vbm.requests).toHaveLength(0);
  });
});

describe("errorCode", () => {
  it("is on Vbm365ApiError as the server sent it, and a stackTrace never reaches the message", async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { message: "Restore session not found.", errorCode: "ResourceNotFound", stackTrace: "at Veeam.Archiver.Rest..." },
        { status: 404 },
      ),
    );
    const client = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch, apiVersion: "v8" });
    const error = await client.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({
      errorCode: "ResourceNotFound",
      message: `GET /v8/RestoreSessions/${SESSION_ID} failed with HTTP 404: Restore session not found.`,
    });
    expect((error as Error).message).not.toContain("Veeam.Archiver");
  });

  it("is undefined when the server sends none (v6)", async () => {
    const { fetch } = fakeFetch(() => Response.json({ message: "nope" }, { status: 400 }));
    const error = await createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch })
      .restoreSessions.list()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, errorCode: undefined });
  });
});
