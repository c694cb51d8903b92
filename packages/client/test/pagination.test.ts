import { describe, expect, it } from "vitest";
import { createVbm365Client } from "../src/index.js";
import { nextQuery, recentIds } from "../src/pagination.js";
import { BASE, SESSION_ID, collect, event, fakeFetch, pagedAnswer, session } from "./helpers/fake-fetch.js";

function sessions(count: number) {
  return Array.from({ length: count }, (_, n) => session(n));
}

describe("restoreSessions.iterate", () => {
  it.each(["relative", "absolute", "none"] as const)("reads every page when _links.next is %s", async (links) => {
    const all = sessions(23);
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/restoresessions", { links }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t0ken" }, fetch, retry: false });

    const seen = await collect(vbm.restoreSessions.iterate({ pageSize: 5 }));

    expect(seen.map((s) => s.id)).toEqual(all.map((s) => s.id));
    // 5 pages; the last short page ends the walk, with no request past it.
    expect(requests.map((r) => new URL(r.url).searchParams.get("offset"))).toEqual(["0", "5", "10", "15", "20"]);
    // Even an absolute link to another host is read for its offset only: the token stays with baseUrl.
    expect(requests.every((r) => new URL(r.url).origin === BASE)).toBe(true);
  });

  it("keeps going past a full page without _links.next, and stops on an empty page", async () => {
    const all = sessions(10);
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions", { links: "none" }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    const seen = await collect(vbm.restoreSessions.iterate({ pageSize: 5 }));

    expect(seen).toHaveLength(10);
    expect(requests).toHaveLength(3); // 5, 5, then an empty page
  });

  it("does not stop at the server's default 30 like the well-known audit script", async () => {
    const all = sessions(75);
    const { fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions"));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });
    expect(await collect(vbm.restoreSessions.iterate({ pageSize: 30 }))).toHaveLength(75);
  });

  it("sends the time window on every page, in UTC", async () => {
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => sessions(4), url, "/v6/RestoreSessions"));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    await collect(
      vbm.restoreSessions.iterate({ startTimeFrom: "2024-01-01T03:00:00+03:00", startTimeTo: new Date(Date.UTC(2024, 1, 1)), pageSize: 2 }),
    );

    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) {
      const params = new URL(request.url).searchParams;
      expect(params.get("startTimeFrom")).toBe("2024-01-01T00:00:00.000Z");
      expect(params.get("startTimeTo")).toBe("2024-02-01T00:00:00.000Z");
    }
  });

  it("yields each id once when new sessions arriving mid-walk shift the offsets", async () => {
    // Newest first: every new session pushes the rest one place down.
    let all = sessions(20).reverse();
    let next = 1000;
    const arrive = (count: number) => {
      all = [...Array.from({ length: count }, () => session(next++)), ...all];
    };
    const { fetch } = fakeFetch((_, url) =>
      pagedAnswer(() => all, url, "/v6/RestoreSessions", { beforePage: (offset) => offset > 0 && arrive(3) }),
    );
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    const ids = (await collect(vbm.restoreSessions.iterate({ pageSize: 5 }))).map((s) => s.id);

    expect(new Set(ids).size).toBe(ids.length);
    // Every session that existed when the walk began is there.
    for (const s of sessions(20)) expect(ids).toContain(s.id);
  });

  it("requests the next page while the caller is still on the current one", async () => {
    const all = sessions(10);
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions"));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    const iterator = vbm.restoreSessions.iterate({ pageSize: 5 })[Symbol.asyncIterator]();
    await iterator.next();
    await new Promise((resolve) => setImmediate(resolve));

    expect(requests).toHaveLength(2); // page 1 in hand, page 2 already asked for, page 3 not
    await iterator.return?.();
  });

  it("stops requesting when the caller breaks out, and aborts the page in flight", async () => {
    const all = sessions(50);
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions"));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    for await (const item of vbm.restoreSessions.iterate({ pageSize: 5 })) {
      expect(item.id).toBe(all[0]!.id);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests[1]?.signal.aborted ?? true).toBe(true);
  });

  it("passes an error from a later page to the loop", async () => {
    const { fetch } = fakeFetch((_, url) =>
      url.searchParams.get("offset") === "5"
        ? Response.json({ message: "boom" }, { status: 500 })
        : pagedAnswer(() => sessions(12), url, "/v6/RestoreSessions"),
    );
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });
    await expect(collect(vbm.restoreSessions.iterate({ pageSize: 5 }))).rejects.toMatchObject({
      status: 500,
      message: "GET /v6/RestoreSessions failed with HTTP 500: boom",
    });
  });
});

describe("restoreSessions.events", () => {
  it("reads every event page of the session", async () => {
    const all = Array.from({ length: 7 }, (_, n) => event(n));
    const { requests, fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, `/v6/restoresessions/${SESSION_ID}/events`));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });

    const seen = await collect(vbm.restoreSessions.events(SESSION_ID, { pageSize: 3 }));

    expect(seen.map((e) => e.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new URL(requests[0]!.url).pathname).toBe(`/v6/RestoreSessions/${SESSION_ID}/Events`);
  });
});

describe("nextQuery", () => {
  const page = (count: number, limit: number, next?: string) => ({
    offset: 0,
    limit,
    results: Array.from({ length: count }, (_, n) => n),
    ...(next ? { _links: { next: { href: next } } } : {}),
  });

  it("takes offset and limit from a link, whatever the case of its names", () => {
    expect(nextQuery(page(3, 3, "/v6/restoresessions?OFFSET=3&Limit=3"), { offset: 0, limit: 3 })).toEqual({ offset: 3, limit: 3 });
  });

  it("never goes backwards on a link that points at the same page", () => {
    expect(nextQuery(page(3, 3, "/v6/RestoreSessions?offset=0&limit=3"), { offset: 0, limit: 3 })).toEqual({ offset: 3, limit: 3 });
  });

  it("continues by the page's real size when the server capped the limit", () => {
    expect(nextQuery(page(2, 2), { offset: 0, limit: 5 })).toEqual({ offset: 2, limit: 5 });
    expect(nextQuery(page(1, 5), { offset: 0, limit: 5 })).toBeUndefined();
  });
});

describe("recentIds", () => {
  it("holds at most its capacity yet never takes two different ids for one", () => {
    const seen = recentIds(100);
    const fresh = Array.from({ length: 100_000 }, (_, n) => seen.firstTime(`id-${n}`));
    expect(fresh.every(Boolean)).toBe(true);
    // The last 100 are remembered exactly; anything older has been let go.
    expect(seen.firstTime("id-99999")).toBe(false);
    expect(seen.firstTime("id-99900")).toBe(false);
    expect(seen.firstTime("id-99899")).toBe(true);
    expect(seen.firstTime("id-0")).toBe(true);
  });

  it("keeps the newest ids, oldest evicted first, after a bigger page widens it", () => {
    const seen = recentIds(3);
    for (const id of ["a", "b", "c", "d"]) seen.firstTime(id); // remembers b c d
    seen.widen(5);
    for (const id of ["e", "f", "g"]) seen.firstTime(id); // remembers c d e f g
    expect(["c", "d", "e", "f", "g"].map((id) => seen.firstTime(id))).toEqual([false, false, false, false, false]);
    expect(seen.firstTime("b")).toBe(true); // evicts c, the oldest
    expect(seen.firstTime("d")).toBe(false);
    expect(seen.firstTime("c")).toBe(true);
  });
});

describe("a server that ignores offset", () => {
  it("fails the walk with a clear error instead of looping or stopping silently", async () => {
    // Bounded, so that without the check the walk ends in a 500 rather than running forever.
    let served = 0;
    const { requests, fetch } = fakeFetch(() =>
      ++served > 5
        ? Response.json({ message: "enough" }, { status: 500 })
        : Response.json({ offset: 0, limit: 2, results: [session(1), session(2)] }),
    );
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });
    await expect(collect(vbm.restoreSessions.iterate({ pageSize: 2 }))).rejects.toThrow("answered offset 0 for offset 2: it does not page");
    expect(requests).toHaveLength(2);
  });
});

describe("a long walk", () => {
  it("does not pile up abort listeners (no MaxListenersExceededWarning over 1600 pages)", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const all = sessions(1600);
      const { fetch } = fakeFetch((_, url) => pagedAnswer(() => all, url, "/v6/RestoreSessions"));
      const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch, retry: false });
      let count = 0;
      for await (const _ of vbm.restoreSessions.iterate({ pageSize: 1, signal: new AbortController().signal })) count++;
      await new Promise((resolve) => setImmediate(resolve));
      expect(count).toBe(1600);
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  }, 30_000);
});
