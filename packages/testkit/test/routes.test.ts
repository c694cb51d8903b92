import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { call, NOW } from "./helpers.js";

describe("single-resource routes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessions: 40, seed: 2, now: NOW });
  });
  afterAll(() => server.close());

  it("GET /v6/RestoreSessions/{id} returns what the list returns", async () => {
    const page = await call(server, "/v6/RestoreSessions?limit=3");
    const second = page.body.results[1];
    const answer = await call(server, `/v6/restoresessions/${second.id.toUpperCase()}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(second);
    expect(answer.body._links.self.href).toBe(`/v6/restoresessions/${second.id}`);
  });

  it("answers 400 for a non-uuid id and 404 for an unknown one, with the error body", async () => {
    const bad = await call(server, "/v6/RestoreSessions/not-a-uuid");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("not-a-uuid");
    const id = server.data.session(0).id;
    const unknown = id.slice(0, -1) + (id.endsWith("0") ? "1" : "0");
    for (const suffix of ["", "/Events", "/organization"]) {
      const answer = await call(server, `/v6/RestoreSessions/${unknown}${suffix}`);
      expect(answer.status).toBe(404);
      expect(answer.body.message).toContain(unknown);
    }
    expect((await call(server, "/v6/RestoreSessions/b7f43a7f-3508-4d04-8ec2-ece6944e916b")).status).toBe(404);
  });

  it("answers 404 for the id of a session this server does not have (yet)", async () => {
    const bigger = await startTestServer({ sessions: 45, seed: 2, now: NOW });
    try {
      const beyond = bigger.data.session(42).id;
      expect((await call(server, `/v6/RestoreSessions/${beyond}`)).status).toBe(404);
      bigger.addSessions(1);
      expect((await call(server, `/v6/RestoreSessions/${bigger.data.session(0).id}`)).status).toBe(404);
      expect((await call(bigger, `/v6/RestoreSessions/${bigger.data.session(0).id}`)).status).toBe(200);
    } finally {
      await bigger.close();
    }
  });

  it("answers 404 for unknown paths and 405 for a wrong method", async () => {
    expect((await call(server, "/v6/Nothing")).status).toBe(404);
    expect((await call(server, "/v9/RestoreSessions")).status).toBe(404);
    expect((await call(server, "/v6/RestoreSessions/x/Statistics")).status).toBe(404);
    const wrong = await call(server, "/v6/RestoreSessions", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("pages the events, first and last of type None, every id once", async () => {
    const index = [...Array(40).keys()].find((i) => server.data.events(i).length > 3)!;
    const session = server.data.session(index);
    const expected = server.data.events(index);
    const seen: string[] = [];
    let next: string | undefined = `/v6/RestoreSessions/${session.id}/Events?limit=2`;
    while (next) {
      const answer = await call(server, next);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.results.map((e: { id: string }) => e.id));
      next = answer.body._links.next?.href;
    }
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(expected[0]!.type).toBe("None");
    if (session.state === "Stopped") expect(expected.at(-1)!.type).toBe("None");
    expect(expected.map((e) => e.order)).toEqual(expected.map((_, i) => i + 1));
  });

  it("GET .../Events/{eventId} returns the event, 404 for another session's event", async () => {
    const withEvents = [...Array(40).keys()].filter((i) => server.data.events(i).length > 1);
    const [a, b] = [withEvents[0]!, withEvents[1]!];
    const event = server.data.events(a)[1]!;
    const sessionA = server.data.session(a).id;
    const answer = await call(server, `/v6/RestoreSessions/${sessionA}/Events/${event.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(event);
    const foreign = await call(server, `/v6/RestoreSessions/${server.data.session(b).id}/Events/${event.id}`);
    expect(foreign.status).toBe(404);
    expect((await call(server, `/v6/RestoreSessions/${sessionA}/Events/xyz`)).status).toBe(400);
  });

  it("GET .../organization returns the session's organization", async () => {
    const session = server.data.session(4);
    const answer = await call(server, `/v6/RestoreSessions/${session.id}/Organization`);
    expect(answer.status).toBe(200);
    expect(answer.body.name).toBe(session.organization);
    expect(["Office365", "OnPremises", "Hybrid"]).toContain(answer.body.type);
  });

  it("POST .../Stop stops a Working session: 200, empty body, state Stopped, end event added", async () => {
    const index = [...Array(40).keys()].find((i) => server.data.session(i).state === "Working")!;
    const before = server.data.session(index);
    expect(before.endTime).toBeNull();
    const eventsBefore = server.data.events(index).length;
    expect((await call(server, `/v6/RestoreSessions/${before.id}`)).body.state).toBe("Working");
    const answer = await call(server, `/v6/RestoreSessions/${before.id}/Stop`, { method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    const after = await call(server, `/v6/RestoreSessions/${before.id}`);
    expect(after.body.state).toBe("Stopped");
    expect(Date.parse(after.body.endTime)).toBeGreaterThanOrEqual(Date.parse(before.creationTime));
    const events = server.data.events(index);
    if (eventsBefore > 0) {
      expect(events).toHaveLength(eventsBefore + 1);
      expect(events.at(-1)!.type).toBe("None");
    }
    expect((await call(server, `/v6/RestoreSessions/${before.id}/Stop`, { method: "POST" })).status).toBe(200);
    expect((await call(server, `/v6/RestoreSessions/${before.id}/Stop`)).status).toBe(405);
  });
});
