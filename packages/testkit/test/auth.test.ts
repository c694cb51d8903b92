import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { call, NOW, tokenForm } from "./helpers.js";

describe("POST /v6/Token and the bearer check", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessions: 5, now: NOW, username: "SRV0101\\Administrator", password: "s3cret" });
  });
  afterAll(() => server.close());

  it("issues a token for the password grant that opens the API", async () => {
    server.stats.reset();
    const { username, password } = server.credentials;
    const answer = await call(server, "/v6/Token", tokenForm({ grant_type: "password", username, password }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.body).toMatchObject({ token_type: "bearer", expires_in: 3600, userName: "SRV0101\\Administrator" });
    expect(Date.parse(answer.body[".expires"]) - Date.parse(answer.body[".issued"])).toBe(3600_000);
    expect(answer.body.access_token).not.toBe(server.token);
    const page = await call(server, "/v6/RestoreSessions", { token: answer.body.access_token });
    expect(page.status).toBe(200);
    expect(server.stats).toMatchObject({ requests: 2, tokenRequests: 1, byGrant: { password: 1, refresh_token: 0 } });
  });

  it("renews with the refresh_token grant", async () => {
    const { username, password } = server.credentials;
    const login = await call(server, "/v6/token", tokenForm({ grant_type: "password", username, password }));
    const renewed = await call(server, "/V6/TOKEN", tokenForm({ grant_type: "refresh_token", refresh_token: login.body.refresh_token }));
    expect(renewed.status).toBe(200);
    expect(renewed.body.access_token).not.toBe(login.body.access_token);
    expect((await call(server, "/v6/RestoreSessions", { token: renewed.body.access_token })).status).toBe(200);
  });

  it.each([
    [
      "a wrong password",
      { grant_type: "password", username: "SRV0101\\Administrator", password: "wrong" },
      401,
      "The user name or password is incorrect.",
    ],
    [
      "an unknown user",
      { grant_type: "password", username: "someone", password: "s3cret" },
      401,
      "The user name or password is incorrect.",
    ],
    [
      "an unknown refresh token",
      { grant_type: "refresh_token", refresh_token: "made-up" },
      401,
      "The refresh token is invalid or has expired.",
    ],
    [
      "a password grant without password",
      { grant_type: "password", username: "SRV0101\\Administrator" },
      400,
      "The password grant needs username and password.",
    ],
    ["a refresh grant without token", { grant_type: "refresh_token" }, 400, "The refresh_token grant needs refresh_token."],
    [
      "another grant type",
      { grant_type: "client_credentials" },
      400,
      'The grant type "client_credentials" is not supported: use password or refresh_token.',
    ],
    ["no grant type", {}, 400, "grant_type is required: use password or refresh_token."],
    [
      "a username over 1024 characters",
      { grant_type: "password", username: "u".repeat(1025), password: "s3cret" },
      400,
      "username and password may hold at most 1024 characters.",
    ],
    [
      "a refresh token over 8192 characters",
      { grant_type: "refresh_token", refresh_token: "r".repeat(8193) },
      400,
      "refresh_token may hold at most 8192 characters.",
    ],
  ])("refuses %s with %i and a message saying what was wrong", async (_, fields, status, message) => {
    const answer = await call(server, "/v6/Token", tokenForm(fields as Record<string, string>));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ message });
    expect(answer.text).not.toContain("s3cret");
  });

  it("takes the token request as JSON too, as the vendor does, and refuses other bodies with a reason", async () => {
    const send = (contentType: string, body: string) =>
      call(server, "/v6/token", { method: "POST", token: null, headers: { "content-type": contentType }, body });
    const json = await send("application/json", JSON.stringify({ grant_type: "password", ...server.credentials }));
    expect(json.status).toBe(200);
    expect((await call(server, "/v6/RestoreSessions", { token: json.body.access_token })).status).toBe(200);
    const refreshed = await send(
      "application/json; charset=utf-8",
      JSON.stringify({ grant_type: "refresh_token", refresh_token: json.body.refresh_token }),
    );
    expect(refreshed.status).toBe(200);
    expect(await send("text/plain", "grant_type=password")).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/x-www-form-urlencoded or application\/json/) },
    });
    expect(await send("application/json", "{grant_type")).toMatchObject({
      status: 400,
      body: { message: "The token request body is not valid JSON." },
    });
    expect(await send("application/json", "[]")).toMatchObject({
      status: 400,
      body: { message: "The token request body must be a JSON object." },
    });
    expect(await send("application/json", JSON.stringify({ grant_type: "password", username: 5, password: "x" }))).toMatchObject({
      status: 400,
      body: { message: 'The token request field "username" must be a string.' },
    });
  });

  it("writes .issued and .expires in ISO 8601 UTC by default, and as RFC 1123 dates when told", async () => {
    const { username, password } = server.credentials;
    const iso = await call(server, "/v6/token", tokenForm({ grant_type: "password", username, password }));
    expect(iso.body[".issued"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const rfc = await startTestServer({ sessions: 1, tokenDates: "rfc1123" });
    try {
      const answer = await call(rfc, "/v6/token", tokenForm({ grant_type: "password", ...rfc.credentials }));
      expect(answer.body[".issued"]).toBe(new Date(Date.parse(answer.body[".issued"])).toUTCString());
      expect(Date.parse(answer.body[".expires"]) - Date.parse(answer.body[".issued"])).toBe(3600_000);
    } finally {
      await rfc.close();
    }
    await expect(startTestServer({ tokenDates: "rfc822" as "rfc1123" })).rejects.toThrow(
      'startTestServer: tokenDates must be one of iso8601, rfc1123, got "rfc822"',
    );
  });

  it.each([
    ["no header", null],
    ["an unknown token", "not-a-token"],
  ])("answers 401 with the error body for %s", async (_, token) => {
    for (const path of ["/v6/RestoreSessions", `/v6/RestoreSessions/${server.data.session(0).id}/Events`]) {
      const answer = await call(server, path, { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: "Authorization has been denied for this request." });
    }
  });

  it("refuses a token after expireTokens(), and refresh still works", async () => {
    const other = await startTestServer({ sessions: 1, now: NOW });
    try {
      const { username, password } = other.credentials;
      const login = await call(other, "/v6/Token", tokenForm({ grant_type: "password", username, password }));
      other.expireTokens();
      expect((await call(other, "/v6/RestoreSessions")).status).toBe(401);
      expect((await call(other, "/v6/RestoreSessions", { token: login.body.access_token })).status).toBe(401);
      const renewed = await call(other, "/v6/Token", tokenForm({ grant_type: "refresh_token", refresh_token: login.body.refresh_token }));
      expect((await call(other, "/v6/RestoreSessions", { token: renewed.body.access_token })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("lets tokens expire on the clock after tokenTtlSeconds", async () => {
    const shortLived = await startTestServer({ sessions: 1, now: NOW, tokenTtlSeconds: 1.5 });
    try {
      expect((await call(shortLived, "/v6/RestoreSessions")).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await call(shortLived, "/v6/RestoreSessions")).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});
