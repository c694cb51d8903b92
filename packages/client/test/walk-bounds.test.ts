// Walks end: a server that repeats itself, a page of the wrong shape, or a walk past its
// configured bound (pages or time) ends the walk with a Vbm365WalkError saying which.
import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365WalkError } from "../src/index.js";
import { BASE, SESSION_ID, collect, event, fakeFetch, pagedAnswer, session } from "./helpers/fake-fetch.js";

const sessions = (count: number) => Array.from({ length: count }, (_, n) => session(n));

/** Echoes the offset it was asked for but always sends the same full page of ids. */
function repeatingServer(make: (n: number) => unknown = session, stopAfter = 50) {
  return fakeFetch((_, url) => {
    const offset = Number(url.searchParams.get("offset"));
    const limit = Number(url.searchParams.get("limit"));
    // Bounded so that a client without the check fails here instead of running forever.
    if (offset / limit >= stopAfter) return Response.json({ message: "the test server gave up" }, { status: 500 });
    return Response.json({ offset, limit, results: Array.from({ length: limit }, (_, n) => make(n)) });
  });
}

describe("endless walks end", () => {
  it("a full page with no new id ends the walk with an error saying the server repeats itself", async () => {
    const server = repeatingServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: false });

    const error = await collect(vbm.restoreSessions.iterate({ pageSize: 5 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365WalkError);
    expect(error).toMatchObject({ reason: "repeated", pages: 2 });
    expect((error as Error).message).toContain("offset 5");
    expect((error as Error).message).toContain("no new id");
    // The first page, the repeated one, and the prefetch of a third that is aborted unread.
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it("the same for the events of a session", async () => {
    const server = repeatingServer(event);
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: server.fetch, retry: false });

    await expect(collect(vbm.restoreSessions.events(SESSION_ID, { pageSize: 3 }))).rejects.toMatchObject({ reason: "repeated" });
  });

  it("maxPages bounds a walk, and the error names the bound it hit", async () => {
    const all = sessions(100);
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions"));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of vbm.restoreSessions.iterate({ pageSize: 10, maxPages: 3 })) seen.push(item.id);
    })().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365WalkError);
    expect(error).toMatchObject({ reason: "maxPages", pages: 3 });
    expect((error as Error).message).toContain("maxPages (3)");
    expect(seen).toHaveLength(30); // the three pages it did read were all given
    expect(requests).toHaveLength(3); // no fourth page requested
  });

  it("a walk that fits its maxPages exactly ends normally", async () => {
    const all = sessions(25);
    const { fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions"));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    expect(await collect(vbm.restoreSessions.iterate({ pageSize: 10, maxPages: 3 }))).toHaveLength(25);
  });

  it("maxDurationMs bounds a walk in time, and the error says so", async () => {
    const all = sessions(1000);
    const { fetch } = fakeFetch(async (_, url) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return pagedAnswer(() => all, url, "/v6/RestoreSessions");
    });
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    const error = await collect(vbm.restoreSessions.iterate({ pageSize: 1, maxDurationMs: 100 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365WalkError);
    expect(error).toMatchObject({ reason: "maxDuration" });
    expect((error as Error).message).toContain("maxDurationMs (100 ms)");
  });

  it.each([{ results: "nope" }, { offset: 0, limit: 5 }, "a string", null])(
    "a page of the wrong shape (%j) ends the walk with a clear error",
    async (page) => {
      const { fetch } = fakeFetch(() => Response.json(page));
      const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

      const error = await collect(vbm.restoreSessions.iterate({ pageSize: 5 })).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(Vbm365WalkError);
      expect(error).toMatchObject({ reason: "shape", message: expect.stringContaining("no results array") });
    },
  );

  it.each([0, -1, 1.5, Number.NaN])("refuses maxPages %s before any request", (maxPages) => {
    const { requests, fetch } = fakeFetch(() => Response.json({}));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });
    expect(() => vbm.restoreSessions.iterate({ maxPages })).toThrow(/^maxPages: .* must be a whole number from 1/);
    expect(requests).toHaveLength(0);
  });
});

describe("walk options from JavaScript callers", () => {
  it.each(["pageSize", "maxPages", "maxDurationMs"] as const)("%s: null is refused, not taken for the default", (name) => {
    const { requests, fetch } = fakeFetch(() => Response.json({}));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch });
    expect(() => vbm.restoreSessions.iterate({ [name]: null as unknown as number })).toThrow(
      new RegExp(`^${name}: null must be a whole number`),
    );
    expect(requests).toHaveLength(0);
  });
});
