import { describe, expect, it } from "vitest";
import { startTestServer, type Defect, type TestServer } from "../src/index.js";
import { call, NOW, walk } from "./helpers.js";

async function withDefect<T>(defect: Defect, run: (server: TestServer) => Promise<T>): Promise<T> {
  const server = await startTestServer({ sessions: 12, now: NOW, defects: [defect] });
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

describe("defects (deliberately wrong servers for must-fail tests)", () => {
  it("wrongType sends limit as a string", async () => {
    await withDefect("wrongType", async (server) => {
      const page = await call(server, "/v6/RestoreSessions?limit=5");
      expect(page.body.limit).toBe("5");
    });
  });

  it("missingRequired sends sessions without state, in pages and single gets", async () => {
    await withDefect("missingRequired", async (server) => {
      const page = await call(server, "/v6/RestoreSessions");
      expect(page.body.results.length).toBe(12);
      for (const session of page.body.results) expect(session).not.toHaveProperty("state");
      const one = await call(server, `/v6/RestoreSessions/${page.body.results[0].id}`);
      expect(one.body).not.toHaveProperty("state");
    });
  });

  it("unknownEnum sends a type outside the spec", async () => {
    await withDefect("unknownEnum", async (server) => {
      const page = await call(server, "/v6/RestoreSessions");
      for (const session of page.body.results) expect(["Vex", "Veod", "Vesp", "Vet"]).not.toContain(session.type);
    });
  });

  it('badDate sends creationTime "yesterday"', async () => {
    await withDefect("badDate", async (server) => {
      const page = await call(server, "/v6/RestoreSessions");
      expect(page.body.results[0].creationTime).toBe("yesterday");
    });
  });

  it("noAuth answers 200 without a token", async () => {
    await withDefect("noAuth", async (server) => {
      expect((await call(server, "/v6/RestoreSessions", { token: null })).status).toBe(200);
    });
    // ...where the sound server says 401.
    const sound = await startTestServer({ sessions: 1, now: NOW });
    expect((await call(sound, "/v6/RestoreSessions", { token: null })).status).toBe(401);
    await sound.close();
  });

  it("repeatId starts every later page with the previous page's last id", async () => {
    await withDefect("repeatId", async (server) => {
      const ids = await walk(server, "/v6/RestoreSessions?limit=5");
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBeLessThan(12);
      expect(ids[5]).toBe(ids[4]);
    });
  });

  it("endlessNext keeps sending _links.next, also on empty pages", async () => {
    await withDefect("endlessNext", async (server) => {
      const beyond = await call(server, "/v6/RestoreSessions?offset=100&limit=5");
      expect(beyond.body.results).toEqual([]);
      expect(beyond.body._links.next.href).toBe("/v6/RestoreSessions?offset=105&limit=5");
      await expect(walk(server, "/v6/RestoreSessions?limit=5", 20)).rejects.toThrow(/did not end after 20 pages/);
    });
  });

  it("offsetDate500 answers 500 to a date-time with an offset, and reads Z as usual", async () => {
    await withDefect("offsetDate500", async (server) => {
      for (const value of ["2026-01-15T11:00:00+03:00", "2026-01-15T11:00:00-00:00"]) {
        const answer = await call(server, `/v6/RestoreSessions?startTimeTo=${encodeURIComponent(value)}`);
        expect(answer.status).toBe(500);
        expect(answer.body).toEqual({ message: "An error has occurred." });
      }
      const zulu = await call(server, `/v6/RestoreSessions?startTimeFrom=${encodeURIComponent("2026-01-15T08:00:00Z")}`);
      expect(zulu.status).toBe(200);
    });
    // ...where the sound server reads the offset.
    const sound = await startTestServer({ sessions: 12, now: NOW });
    const answer = await call(sound, `/v6/RestoreSessions?startTimeTo=${encodeURIComponent("2026-01-15T11:00:00+03:00")}`);
    await sound.close();
    expect(answer.status).toBe(200);
  });

  it("nextDropsFilter loses startTimeFrom in _links.next, so page 2 holds sessions outside the filter", async () => {
    await withDefect("nextDropsFilter", async (server) => {
      const from = server.data.session(5).creationTime;
      const first = await call(server, `/v6/RestoreSessions?limit=3&startTimeFrom=${encodeURIComponent(from)}`);
      expect(first.body._links.self.href).toContain("startTimeFrom=");
      expect(first.body._links.next.href).toBe("/v6/RestoreSessions?offset=3&limit=3");
      const ids = await walk(server, `/v6/RestoreSessions?limit=3&startTimeFrom=${encodeURIComponent(from)}`);
      // Six sessions match; the unfiltered later pages bring all twelve.
      expect([...server.data.sessionIds({ startTimeFrom: from })]).toHaveLength(6);
      expect(ids).toEqual([...server.data.sessionIds()]);
    });
  });

  it("eventAnySession serves an event under a session it does not belong to", async () => {
    await withDefect("eventAnySession", async (server) => {
      const [a, b] = [server.data.session(0).id, server.data.session(1).id];
      const events = await call(server, `/v6/RestoreSessions/${b}/Events?limit=1`);
      const event = events.body.results[0];
      const answer = await call(server, `/v6/RestoreSessions/${a}/Events/${event.id}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(event);
      expect(answer.body._links.restoreSession.href).toBe(`/v6/restoresessions/${b}`);
    });
    // ...where the sound server says 404.
    const sound = await startTestServer({ sessions: 12, now: NOW });
    const [a, b] = [sound.data.session(0).id, sound.data.session(1).id];
    const event = (await call(sound, `/v6/RestoreSessions/${b}/Events?limit=1`)).body.results[0];
    const answer = await call(sound, `/v6/RestoreSessions/${a}/Events/${event.id}`);
    await sound.close();
    expect(answer.status).toBe(404);
    expect(answer.body.message).toContain(event.id);
  });

  it("a server without defects has none of these", async () => {
    const server = await startTestServer({ sessions: 12, now: NOW });
    try {
      const page = await call(server, "/v6/RestoreSessions?limit=5");
      expect(page.body.limit).toBe(5);
      for (const session of page.body.results) {
        expect(["Working", "Stopped"]).toContain(session.state);
        expect(["Vex", "Veod", "Vesp", "Vet"]).toContain(session.type);
        expect(session.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      }
      const ids = await walk(server, "/v6/RestoreSessions?limit=5", 20);
      expect(new Set(ids).size).toBe(12);
    } finally {
      await server.close();
    }
  });

  it("refuses an unknown defect name with the list of names", async () => {
    await expect(startTestServer({ defects: ["sloppy" as Defect] })).rejects.toThrow(
      /unknown defect "sloppy": use one of wrongType, missingRequired, unknownEnum, badDate, noAuth, repeatId, endlessNext, offsetDate500, nextDropsFilter, eventAnySession$/,
    );
  });
});
