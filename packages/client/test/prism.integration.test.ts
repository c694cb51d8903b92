import { describe, expect, inject, it } from "vitest";
import { createVbm365Client, Vbm365ApiError, type RestoreSession } from "../src/index.js";

const mockUrl = inject("mockUrl");

describe("against the Prism mock of the bundled spec", () => {
  it("lists the seed's five sessions, typed", async () => {
    const vbm = createVbm365Client({ baseUrl: mockUrl, auth: { token: "any" } });
    const page = await vbm.restoreSessions.list();
    const sessions: RestoreSession[] = page.results;
    expect(sessions.map((s) => s.id)).toEqual([
      "b7f43a7f-3508-4d04-8ec2-ece6944e916b",
      "635b22cf-9cdc-4004-9160-9b90f90f1bbf",
      "d9d4d55d-d7d9-46b4-b5bf-dec5e5459184",
      "30f912a0-39bc-4a03-b478-596ab5596445",
      "c600e3fd-2e1d-4e5a-8318-c9f3c6e8d9b6",
    ]);
    expect(page.setId).toBe("00000000-0000-0000-0000-000000000000");
  });

  it("gets 401 with the error body without a token", async () => {
    const response = await fetch(`${mockUrl}/v6/RestoreSessions`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });

  it("surfaces the 401 through the client as Vbm365ApiError", async () => {
    const vbm = createVbm365Client({ baseUrl: mockUrl, auth: { token: "" } });
    const error = await vbm.restoreSessions.list().catch((e: unknown) => e);
    // An empty bearer token is no credential: Prism (like the server) refuses it.
    expect(error).toBeInstanceOf(Vbm365ApiError);
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
