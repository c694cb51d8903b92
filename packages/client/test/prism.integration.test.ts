import { describe, expect, inject, it } from "vitest";
import { createVbm365Client, Vbm365ApiError, type RestoreSession } from "../src/index.js";

const mockUrl = inject("mockUrl");
const SEED_IDS = [
  "b7f43a7f-3508-4d04-8ec2-ece6944e916b",
  "635b22cf-9cdc-4004-9160-9b90f90f1bbf",
  "d9d4d55d-d7d9-46b4-b5bf-dec5e5459184",
  "30f912a0-39bc-4a03-b478-596ab5596445",
  "c600e3fd-2e1d-4e5a-8318-c9f3c6e8d9b6",
];

describe("against the Prism mock of the bundled spec", () => {
  const vbm = () => createVbm365Client({ baseUrl: mockUrl, auth: { token: "any" }, retry: false });

  it("lists the seed's five sessions, typed", async () => {
    const page = await vbm().restoreSessions.list({ startTimeFrom: new Date("2022-01-01T00:00:00Z"), limit: 30 });
    const sessions: RestoreSession[] = page.results;
    expect(sessions.map((s) => s.id)).toEqual(SEED_IDS);
    expect(page.setId).toBe("00000000-0000-0000-0000-000000000000");
  });

  it("iterate walks the example page to its end", async () => {
    const ids: string[] = [];
    for await (const s of vbm().restoreSessions.iterate({ startTimeTo: "2030-01-01T00:00:00Z" })) ids.push(s.id);
    expect(ids).toEqual(SEED_IDS);
  });

  it("get, events, event, organization and stop answer with what the spec declares", async () => {
    const client = vbm();
    const id = SEED_IDS[0]!;
    const one = await client.restoreSessions.get(id);
    expect(one.id).toMatch(/^[0-9a-f-]{36}$/);
    const events = [];
    for await (const e of client.restoreSessions.events(id)) events.push(e);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => typeof e.order === "number")).toBe(true);
    const first = await client.restoreSessions.event(id, events[0]!.id);
    expect(typeof first.message).toBe("string");
    const org = await client.restoreSessions.organization(id);
    expect(org).toHaveProperty("name");
    await expect(client.restoreSessions.stop(id)).resolves.toBeUndefined();
  });

  it("logs in with username and password through POST /v6/Token, form-encoded", async () => {
    const client = createVbm365Client({ baseUrl: mockUrl, auth: { username: "CORP\\admin", password: "secret" }, retry: false });
    // Prism validates the form body against the spec before answering with the example token.
    expect((await client.restoreSessions.list()).results).toHaveLength(5);
  });

  it("gets 401 with the error body without a token", async () => {
    const response = await fetch(`${mockUrl}/v6/RestoreSessions`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });

  it("surfaces the 401 through the client as Vbm365ApiError", async () => {
    const client = createVbm365Client({ baseUrl: mockUrl, auth: { token: "" }, retry: false });
    const error = await client.restoreSessions.list().catch((e: unknown) => e);
    // An empty bearer token is no credential: Prism (like the server) refuses it.
    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({ status: 401, method: "GET", path: "/v6/RestoreSessions" });
  });

  it("refuses startTimeFrom=notadate sent raw with the spec's 400 and the error body", async () => {
    // Prism answers 422 only when an operation declares no 400; the spec declares 400,
    // as the real server answers malformed parameters.
    const response = await fetch(`${mockUrl}/v6/RestoreSessions?startTimeFrom=notadate`, {
      headers: { Authorization: "Bearer any" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });
});
