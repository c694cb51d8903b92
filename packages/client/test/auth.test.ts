import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError } from "../src/index.js";
import { tokenSource } from "../src/auth.js";
import type { TokenRequest } from "../src/types.js";
import { BASE, SESSION_ID, fakeFetch, session } from "./helpers/fake-fetch.js";

/** A server with a token endpoint that numbers the tokens it issues. */
function tokenServer(options: { refreshFails?: boolean; expiresIn?: number; rejectFirstToken?: boolean } = {}) {
  let issued = 0;
  const grants: string[] = [];
  const recorded = fakeFetch(async (request, url) => {
    if (url.pathname.toLowerCase() === "/v6/token") {
      const form = new URLSearchParams(await request.text());
      grants.push(form.get("grant_type")!);
      if (form.get("grant_type") === "refresh_token" && options.refreshFails) {
        return Response.json({ message: "invalid_grant" }, { status: 400 });
      }
      issued++;
      return Response.json({ access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, expires_in: options.expiresIn ?? 3600 });
    }
    const bearer = request.headers.get("authorization");
    if (!bearer || (options.rejectFirstToken && bearer === "Bearer access-1")) {
      return Response.json({ message: "Authorization has been denied for this request." }, { status: 401 });
    }
    return Response.json(session(1));
  });
  return { ...recorded, grants, dataRequests: () => recorded.requests.filter((r) => !/\/v6\/token$/i.test(r.url)) };
}

describe("auth", () => {
  it("sends a given token as it is, and never asks for one", async () => {
    const server = tokenServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "my-token" }, fetch: server.fetch });
    await vbm.restoreSessions.get(SESSION_ID);
    expect(server.grants).toEqual([]);
    expect(server.requests[0]!.headers.get("authorization")).toBe("Bearer my-token");
  });

  it("logs in once with a form body and reuses the token", async () => {
    const server = tokenServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "CORP\\admin", password: "pa ss&word" }, fetch: server.fetch });

    await vbm.restoreSessions.get(SESSION_ID);
    await vbm.restoreSessions.get(SESSION_ID);

    const login = server.requests.find((r) => r.url.endsWith("/v6/token"))!;
    expect(login.method).toBe("POST");
    expect(login.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(await login.text()))).toEqual({
      grant_type: "password",
      username: "CORP\\admin",
      password: "pa ss&word",
    });
    expect(server.grants).toEqual(["password"]);
    expect(server.dataRequests().map((r) => r.headers.get("authorization"))).toEqual(["Bearer access-1", "Bearer access-1"]);
  });

  it("concurrent calls share one token request", async () => {
    const server = tokenServer();
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "p" }, fetch: server.fetch });
    await Promise.all(Array.from({ length: 5 }, () => vbm.restoreSessions.get(SESSION_ID)));
    expect(server.grants).toEqual(["password"]);
  });

  it("on a 401 renews the token once and repeats the call once", async () => {
    const server = tokenServer({ rejectFirstToken: true });
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "p" }, fetch: server.fetch });

    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));

    expect(server.grants).toEqual(["password", "refresh_token"]);
    expect(server.dataRequests().map((r) => r.headers.get("authorization"))).toEqual(["Bearer access-1", "Bearer access-2"]);
  });

  it("does not loop when the renewed token is refused too", async () => {
    const recorded = fakeFetch((_, url) =>
      url.pathname.toLowerCase() === "/v6/token"
        ? Response.json({ access_token: "a", refresh_token: "r", expires_in: 3600 })
        : Response.json({ message: "Access denied" }, { status: 401 }),
    );
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "p" }, fetch: recorded.fetch });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({ status: 401 });
    expect(recorded.requests.filter((r) => !/\/token$/i.test(r.url))).toHaveLength(2);
  });

  it("a 401 with a fixed token is an error, without a second try", async () => {
    const server = tokenServer({ rejectFirstToken: true });
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { token: "access-1" }, fetch: server.fetch });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toBeInstanceOf(Vbm365ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("getToken is asked for each call, and again after a 401", async () => {
    const server = tokenServer({ rejectFirstToken: true });
    let calls = 0;
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { getToken: async () => `access-${++calls}` }, fetch: server.fetch });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
    expect(server.dataRequests().map((r) => r.headers.get("authorization"))).toEqual(["Bearer access-1", "Bearer access-2"]);
  });

  it.each(["/v6/token", "/v6/Token"])("api.POST(%s) goes out without Authorization and without a login first", async (path) => {
    // The spec's token operation has `security: []`; logging in for it would log in twice.
    const server = tokenServer({ rejectFirstToken: true });
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "p" }, fetch: server.fetch });
    const { data } = await vbm.api.POST(path as "/v6/token", {
      body: { grant_type: "password", username: "u", password: "p" },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(data?.access_token).toBe("access-1");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("a 401 from the token endpoint is not answered with a login", async () => {
    const server = fakeFetch(() => Response.json({ message: "denied" }, { status: 401 }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "p" }, fetch: server.fetch });
    const { response } = await vbm.api.POST("/v6/token", { body: { grant_type: "refresh_token", refresh_token: "r" } });
    expect(response.status).toBe(401);
    expect(server.requests).toHaveLength(1);
  });

  it("a wrong password is a Vbm365ApiError for POST /v6/token, naming status, method, path and the server's message", async () => {
    const recorded = fakeFetch(() => Response.json({ message: "Invalid user name or password." }, { status: 400 }));
    const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "u", password: "wrong" }, fetch: recorded.fetch });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({
      status: 400,
      method: "POST",
      path: "/v6/token",
      message: "POST /v6/token failed with HTTP 400: Invalid user name or password.",
    });
  });
});

describe("token lifetime", () => {
  function source(answers: Array<() => Promise<{ access_token: string; refresh_token?: string; expires_in: number }>>) {
    let clock = 0;
    const sent: TokenRequest[] = [];
    const tokens = tokenSource(
      { username: "u", password: "p" },
      async (form) => {
        sent.push(form);
        return answers.shift()!();
      },
      () => clock,
    );
    return { tokens, sent, advance: (ms: number) => (clock += ms) };
  }
  const ok = (n: number) => async () => ({ access_token: `a${n}`, refresh_token: `r${n}`, expires_in: 3600 });

  it("reuses the token until shortly before it expires, then refreshes with the refresh token", async () => {
    const { tokens, sent, advance } = source([ok(1), ok(2)]);
    expect(await tokens.current()).toBe("a1");
    advance(3500_000);
    expect(await tokens.current()).toBe("a1");
    advance(60_000); // 3560 s: inside the renewal margin
    expect(await tokens.current()).toBe("a2");
    expect(sent.map((f) => f.grant_type)).toEqual(["password", "refresh_token"]);
    expect(sent[1]).toEqual({ grant_type: "refresh_token", refresh_token: "r1" });
  });

  it("logs in again when the refresh fails", async () => {
    const { tokens, sent, advance } = source([ok(1), () => Promise.reject(new Error("invalid_grant")), ok(3)]);
    await tokens.current();
    advance(3600_000);
    expect(await tokens.current()).toBe("a3");
    expect(sent.map((f) => f.grant_type)).toEqual(["password", "refresh_token", "password"]);
  });
});
