// v6, v7 and v8 side by side, as a Veeam Backup for Microsoft 365 8 server serves them,
// with each version's differences; and a server that offers only some of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-args.js";
import { startTestServer, type RestoreSession, type TestServer } from "../src/index.js";
import { parseInstant } from "../src/time.js";
import { call, NOW, tokenForm, walk } from "./helpers.js";

const ticks = (text: string | null | undefined) => parseInstant(text ?? "")!;

describe("which versions a server offers", () => {
  it("answers an anonymous probe 401 where a version is served and 404 where it is not", async () => {
    const v6Only = await startTestServer({ sessions: 3, now: NOW, versions: ["v6"] });
    const all = await startTestServer({ sessions: 3, now: NOW });
    try {
      const probe = async (server: TestServer) =>
        Promise.all(["v6", "v7", "v8"].map(async (v) => (await call(server, `/${v}/RestoreSessions`, { token: null })).status));
      expect(await probe(v6Only)).toEqual([401, 404, 404]);
      expect(await probe(all)).toEqual([401, 401, 401]);
      expect((await call(v6Only, "/v8/token", tokenForm({ grant_type: "password", ...v6Only.credentials }))).status).toBe(404);
    } finally {
      await Promise.all([v6Only.close(), all.close()]);
    }
  });

  it("takes the versions from --versions and refuses unknown ones, in code and on the command line", async () => {
    expect(parseCliArgs(["--versions", "v6,v8"])).toEqual({ versions: ["v6", "v8"] });
    expect(() => parseCliArgs(["--versions", "v6,v9"])).toThrow('--versions "v9" is unknown: use one of v6, v7, v8');
    await expect(startTestServer({ versions: [] })).rejects.toThrow(
      "startTestServer: versions must be a non-empty list of v6, v7, v8, got []",
    );
  });
});

describe("each version's differences", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessions: 60, seed: 12, now: NOW });
  });
  afterAll(() => server.close());
  const sessions = () => Array.from({ length: 60 }, (_, i) => server.data.session(i));

  it("writes links under the version asked for", async () => {
    const page = await call(server, "/v7/RestoreSessions?limit=2");
    expect(page.body._links.next.href).toBe("/v7/RestoreSessions?offset=2&limit=2");
    expect(page.body.results[0]._links.self.href).toBe(`/v7/restoresessions/${server.data.session(0).id}`);
  });

  it("v8 filters on end time and orders by EndTime, newest first; the links carry every parameter", async () => {
    const ended = sessions().filter((s) => s.endTime !== null);
    const [from, to] = [ended[40]!.endTime!, ended[5]!.endTime!];
    const expected = ended
      .filter((s) => ticks(s.endTime) >= ticks(from) && ticks(s.endTime) <= ticks(to))
      .sort((a, b) => (ticks(b.endTime) > ticks(a.endTime) ? 1 : ticks(b.endTime) < ticks(a.endTime) ? -1 : 0))
      .map((s) => s.id);
    expect(expected.length).toBeGreaterThan(20);
    const query = `endTimeFrom=${encodeURIComponent(from)}&endTimeTo=${encodeURIComponent(to)}&orderBy=EndTime`;
    const first = await call(server, `/v8/RestoreSessions?limit=7&${query}`);
    expect(first.body._links.next.href).toBe(`/v8/RestoreSessions?offset=7&limit=7&${query}`);
    expect(await walk(server, `/v8/RestoreSessions?limit=7&${query}`)).toEqual(expected);
  });

  it("v8 orderAsc lists oldest first; v6 and v7 ignore v8's parameters", async () => {
    const newestFirst = [...server.data.sessionIds()];
    expect(await walk(server, "/v8/RestoreSessions?limit=25&orderAsc=true")).toEqual([...newestFirst].reverse());
    for (const version of ["v6", "v7"]) {
      expect(await walk(server, `/${version}/RestoreSessions?limit=25&orderAsc=true&orderBy=EndTime`)).toEqual(newestFirst);
    }
    expect((await call(server, "/v8/RestoreSessions?orderBy=Sideways")).body.message).toBe(
      'The value "Sideways" is not valid for orderBy: use one of CreationTime, EndTime.',
    );
  });

  it("v8 Statistics counts the session's item events; v6 and v7 have no such path", async () => {
    const index = sessions().findIndex((s, i) => s.state === "Stopped" && server.data.events(i).length > 4);
    const items = server.data.events(index).filter((e) => e.type !== "None");
    const answer = await call(server, `/v8/RestoreSessions/${server.data.session(index).id}/Statistics`);
    expect(answer.status).toBe(200);
    const count = (...statuses: string[]) => items.filter((e) => statuses.includes(e.status)).length;
    expect(answer.body).toMatchObject({
      totalItemsCount: items.length,
      restoredItemsCount: count("Success", "Warning"),
      failedItemsCount: count("Failed"),
      skippedItemsCount: count("Skipped"),
    });
    expect(answer.body.items.map((i: { itemName: string }) => i.itemName)).toEqual(items.map((e) => e.itemName));
    expect((await call(server, `/v7/RestoreSessions/${server.data.session(index).id}/Statistics`)).status).toBe(404);
  });

  it("v8 Stop answers 204 and bumps eTag; v6 answers 200", async () => {
    const working = sessions()
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.state === "Working");
    expect(working.length).toBeGreaterThanOrEqual(2);
    const [[first, i], [second]] = working as [readonly [RestoreSession, number], readonly [RestoreSession, number]];
    expect((await call(server, `/v8/RestoreSessions/${first.id}`)).body.eTag).toBe(1);
    const v8Stop = await call(server, `/v8/RestoreSessions/${first.id}/Stop`, { method: "POST" });
    expect([v8Stop.status, v8Stop.text]).toEqual([204, ""]);
    expect((await call(server, `/v8/RestoreSessions/${first.id}`)).body).toMatchObject({ state: "Stopped", eTag: 2 });
    expect(server.data.session(i)).not.toHaveProperty("eTag");
    expect((await call(server, `/v6/RestoreSessions/${second.id}/Stop`, { method: "POST" })).status).toBe(200);
  });

  it("v8 refuses, with what to do, an end-time query that would sort more sessions than the testkit does", async () => {
    const big = await startTestServer({ sessions: 300_000, now: NOW });
    try {
      const answer = await call(big, "/v8/RestoreSessions?orderBy=EndTime");
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe(
        "The testkit filters and sorts by end time over at most 200000 sessions, and this query reaches 300000: narrow it with startTimeFrom/startTimeTo or endTimeFrom/endTimeTo.",
      );
      const narrowed = `endTimeFrom=${encodeURIComponent(big.data.session(10).creationTime)}&orderBy=EndTime&limit=3`;
      expect((await call(big, `/v8/RestoreSessions?${narrowed}`)).status).toBe(200);
    } finally {
      await big.close();
    }
  });

  it("error bodies gain errorCode on v7 and errorCode and stackTrace on v8, never a trace", async () => {
    const unknown = "0f0e0d0c-0b0a-4900-8800-000000000001";
    const bodies = await Promise.all(["v6", "v7", "v8"].map(async (v) => (await call(server, `/${v}/RestoreSessions/${unknown}`)).body));
    const message = `Restore session with ID ${unknown} not found.`;
    expect(bodies).toEqual([{ message }, { message, errorCode: null }, { message, errorCode: "ResourceNotFound", stackTrace: null }]);
    expect((await call(server, "/v8/RestoreSessions?limit=0")).body).toMatchObject({
      errorCode: "ParameterValidationFailure",
      stackTrace: null,
    });
  });

  it("v7 and v8 logins take disable_antiforgery_token, as a form field or a JSON boolean", async () => {
    const form = await call(
      server,
      "/v7/token",
      tokenForm({ grant_type: "password", disable_antiforgery_token: "true", ...server.credentials }),
    );
    expect(form.status).toBe(200);
    const jsonLogin = await call(server, "/v8/token", {
      method: "POST",
      token: null,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "password", disable_antiforgery_token: true, ...server.credentials }),
    });
    expect(jsonLogin.status).toBe(200);
    expect((await call(server, "/v8/RestoreSessions", { token: jsonLogin.body.access_token })).status).toBe(200);
  });
});
