// The Prism mock serves each API version from that version's bundle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../mock.js";

const bearer = { Authorization: "Bearer any-token" };

describe("the v8 mock", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock({ version: "v8" });
  }, 150_000);
  afterAll(() => mock?.close());

  it("answers v8 paths with v8 links, and Stop with 204", async () => {
    const list = await fetch(`${mock.url}/v8/RestoreSessions`, { headers: bearer });
    expect(list.status).toBe(200);
    expect((await list.json())._links.self.href).toBe("/v8/RestoreSessions?offset=0&limit=30");
    const stop = await fetch(`${mock.url}/v8/RestoreSessions/b7f43a7f-3508-4d04-8ec2-ece6944e916b/Stop`, {
      method: "POST",
      headers: bearer,
    });
    expect(stop.status).toBe(204);
  });

  it("does not serve v6 paths", async () => {
    const old = await fetch(`${mock.url}/v6/RestoreSessions`, { headers: bearer });
    expect(old.status).toBe(404);
  });
});
