import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { call, NOW, walk } from "./helpers.js";

describe("GET /v6/RestoreSessions paging", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessions: 53, seed: 7, now: NOW });
  });
  afterAll(() => server.close());

  it("a walk with a small limit yields every id once, in the server's order", async () => {
    const ids = await walk(server, "/v6/RestoreSessions?limit=5");
    expect(ids).toEqual([...server.data.sessionIds()]);
    expect(new Set(ids).size).toBe(53);
  });

  it("echoes offset and limit and defaults them to 0 and 30", async () => {
    const first = await call(server, "/v6/RestoreSessions");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(first.body).toMatchObject({ offset: 0, limit: 30, setId: "00000000-0000-0000-0000-000000000000" });
    expect(first.body.results).toHaveLength(30);
    const later = await call(server, "/v6/RestoreSessions?offset=50&limit=10");
    expect(later.body).toMatchObject({ offset: 50, limit: 10 });
    expect(later.body.results.map((s: { id: string }) => s.id)).toEqual([...server.data.sessionIds()].slice(50));
  });

  it("writes relative first/prev/next/self links and leaves next off the last page", async () => {
    const middle = await call(server, "/v6/RestoreSessions?offset=10&limit=10");
    expect(middle.body._links).toEqual({
      first: { href: "/v6/RestoreSessions?offset=0&limit=10" },
      prev: { href: "/v6/RestoreSessions?offset=0&limit=10" },
      next: { href: "/v6/RestoreSessions?offset=20&limit=10" },
      self: { href: "/v6/RestoreSessions?offset=10&limit=10" },
    });
    const last = await call(server, "/v6/RestoreSessions?offset=50&limit=10");
    expect(last.body._links.next).toBeUndefined();
    expect(last.body._links.prev).toEqual({ href: "/v6/RestoreSessions?offset=40&limit=10" });
    const only = await call(server, "/v6/RestoreSessions?limit=100");
    expect(only.body._links).toEqual({ self: { href: "/v6/RestoreSessions?offset=0&limit=100" } });
  });

  it("answers past the end with an empty page and no next", async () => {
    const beyond = await call(server, "/v6/RestoreSessions?offset=500");
    expect(beyond.status).toBe(200);
    expect(beyond.body.results).toEqual([]);
    expect(beyond.body._links.next).toBeUndefined();
  });

  it("filters on creationTime, inclusive at both ends, to the tick", async () => {
    const newer = server.data.session(10);
    const older = server.data.session(20);
    const from = older.creationTime;
    const to = newer.creationTime;
    const expected = [...server.data.sessionIds({ startTimeFrom: from, startTimeTo: to })];
    expect(expected).toHaveLength(11);
    expect(expected[0]).toBe(newer.id);
    expect(expected.at(-1)).toBe(older.id);
    const query = `startTimeFrom=${encodeURIComponent(from)}&startTimeTo=${encodeURIComponent(to)}`;
    const ids = await walk(server, `/v6/RestoreSessions?limit=4&${query}`);
    expect(ids).toEqual(expected);
    // One tick later than the oldest match drops it: the comparison keeps all 7 digits.
    const oneTickLater = from.replace(/(\d)Z$/, (_, d: string) => `${(Number(d) + 1) % 10}Z`);
    if (!from.endsWith("9Z")) {
      const narrowed = await walk(
        server,
        `/v6/RestoreSessions?limit=100&startTimeFrom=${encodeURIComponent(oneTickLater)}&startTimeTo=${encodeURIComponent(to)}`,
      );
      expect(narrowed).toEqual(expected.slice(0, -1));
    }
  });

  it("keeps the filters in the page links", async () => {
    const from = server.data.session(40).creationTime;
    const page = await call(server, `/v6/RestoreSessions?limit=3&startTimeFrom=${encodeURIComponent(from)}`);
    expect(page.body._links.next.href).toBe(`/v6/RestoreSessions?offset=3&limit=3&startTimeFrom=${encodeURIComponent(from)}`);
  });

  it("reads a +03:00 offset at full precision: the same instant as the Z form", async () => {
    const session = server.data.session(5);
    const fraction = session.creationTime.slice(19, 27);
    const local = `${new Date(Date.parse(session.creationTime) + 3 * 3600_000).toISOString().slice(0, 19) + fraction}+03:00`;
    const ids = await walk(server, `/v6/RestoreSessions?limit=100&startTimeTo=${encodeURIComponent(local)}`);
    expect(ids).toEqual([...server.data.sessionIds()].slice(5));
    expect(ids).toEqual([...server.data.sessionIds({ startTimeTo: session.creationTime })]);
  });

  it("logs each request with the values the server understood (for round-trip tests), no secrets", async () => {
    server.requestLog.length = 0;
    const from = "2022-03-12T18:55:20.5+03:00";
    await call(server, `/v6/RestoreSessions?startTimeFrom=${encodeURIComponent(from)}&limit=7`);
    await call(server, "/v6/RestoreSessions?limit=0");
    expect(server.requestLog).toEqual([
      {
        method: "GET",
        path: "/v6/RestoreSessions",
        query: { startTimeFrom: from, limit: "7" },
        parsed: { offset: 0, limit: 7, startTimeFrom: "2022-03-12T15:55:20.5000000Z" },
        status: 200,
      },
      { method: "GET", path: "/v6/RestoreSessions", query: { limit: "0" }, status: 400 },
    ]);
    expect(JSON.stringify(server.requestLog)).not.toContain(server.token);
  });

  it.each([
    ["startTimeFrom=notadate", "startTimeFrom"],
    ["startTimeTo=2022-13-01T00:00:00Z", "startTimeTo"],
    ["limit=0", "limit"],
    ["limit=10001", "limit"],
    ["limit=abc", "limit"],
    ["offset=-1", "offset"],
    ["offset=1.5", "offset"],
    ["limit=5&LIMIT=6", "LIMIT"],
  ])("refuses %s with 400 and a message naming %s", async (query, name) => {
    const answer = await call(server, `/v6/RestoreSessions?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.body.message).toContain(name);
  });

  it("accepts limit 10000 (the maximum)", async () => {
    const answer = await call(server, "/v6/RestoreSessions?limit=10000");
    expect(answer.status).toBe(200);
    expect(answer.body.results).toHaveLength(53);
  });

  it("treats paths and query names case-insensitively", async () => {
    const answer = await call(server, "/V6/restoresessions?OFFSET=3&Limit=2");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ offset: 3, limit: 2 });
    expect(answer.body.results[0].id).toBe(server.data.session(3).id);
  });
});

describe("sessions arriving mid-walk", () => {
  it("addSessions puts new sessions first and shifts everyone else's offset", async () => {
    const server = await startTestServer({ sessions: 10, now: NOW });
    try {
      const before = [...server.data.sessionIds()];
      server.addSessions(3);
      const after = [...server.data.sessionIds()];
      expect(after).toHaveLength(13);
      expect(after.slice(3)).toEqual(before);
      const page = await call(server, "/v6/RestoreSessions?limit=1&offset=3");
      expect(page.body.results[0].id).toBe(before[0]);
      const newest = await call(server, `/v6/RestoreSessions/${after[0]}`);
      expect(newest.status).toBe(200);
      expect(Date.parse(newest.body.creationTime)).toBeGreaterThan(Date.parse(server.data.session(3).creationTime));
    } finally {
      await server.close();
    }
  });
});

describe("a million sessions", () => {
  it("pages at a deep offset and finds a deep session by id without holding the data", async () => {
    const server = await startTestServer({ sessions: 1_000_000, seed: 3, now: NOW });
    try {
      const heapBefore = process.memoryUsage().heapUsed;
      const page = await call(server, "/v6/RestoreSessions?offset=999990&limit=20");
      expect(page.status).toBe(200);
      expect(page.body.results).toHaveLength(10);
      expect(page.body.results[9].id).toBe(server.data.session(999_999).id);
      expect(page.body._links.next).toBeUndefined();
      const deep = await call(server, `/v6/RestoreSessions/${page.body.results[4].id}`);
      expect(deep.body).toEqual(page.body.results[4]);
      const filtered = await call(
        server,
        `/v6/RestoreSessions?limit=1&startTimeTo=${encodeURIComponent(server.data.session(654_321).creationTime)}`,
      );
      expect(filtered.body.results[0].id).toBe(server.data.session(654_321).id);
      // Generous bound: a million materialised sessions would take hundreds of MB.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });
});
