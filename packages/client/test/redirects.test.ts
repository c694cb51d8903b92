// No request of the client follows a redirect: a 3xx is an error naming the status and the
// target host, and the target never sees a request (no re-posted password, no data taken
// from another host), over the global fetch, the `ca` transport and the token request.
import { afterEach, describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError } from "../src/index.js";
import { SESSION_ID, session } from "./helpers/fake-fetch.js";
import { json, loopback, selfSigned, type Loopback } from "./helpers/loopback.js";

const PASSWORD = "Pa55-secret-word";
const running: Loopback[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** The server a redirect points at: it answers everything with data, as a hostile host would. */
async function target(): Promise<Loopback> {
  const server = await loopback((request, response) =>
    /token/i.test(request.url ?? "")
      ? json(response, 200, { access_token: "stolen", refresh_token: "r", expires_in: 3600 })
      : json(response, 200, session(1)),
  );
  running.push(server);
  return server;
}

/** The client's own server: answers the matching requests with `status` and `Location: location`. */
async function redirecting(status: number, location: string, match: RegExp, tls?: { cert: string; key: string }): Promise<Loopback> {
  const server = await loopback((request, response) => {
    if (match.test(request.url ?? "")) {
      response.writeHead(status, { location }).end();
    } else if (/token/i.test(request.url ?? "")) {
      json(response, 200, { access_token: "a-token-value", refresh_token: "r-token-value", expires_in: 3600 });
    } else {
      json(response, 200, session(1));
    }
  }, tls);
  running.push(server);
  return server;
}

const host = (url: string) => new URL(url).host;

describe("redirects are never followed", () => {
  it.each([301, 302, 303, 307, 308])(
    "a %s on a data call is a Vbm365ApiError naming the status and host; the target gets nothing",
    async (status) => {
      const elsewhere = await target();
      const origin = await redirecting(status, `${elsewhere.url}/v6/RestoreSessions/${SESSION_ID}`, /RestoreSessions/);
      const vbm = createVbm365Client({ baseUrl: origin.url, auth: { token: "t0ken-value" } });

      const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(Vbm365ApiError);
      expect(error).toMatchObject({ status, method: "GET", path: `/v6/RestoreSessions/${SESSION_ID}` });
      expect((error as Error).message).toContain(`HTTP ${status}`);
      expect((error as Error).message).toContain(host(elsewhere.url));
      expect(elsewhere.seen).toEqual([]);
      expect(origin.seen).toHaveLength(1); // a 3xx is not retried either
    },
  );

  it.each([307, 308])("a %s on the token POST does not re-post the credentials anywhere", async (status) => {
    const elsewhere = await target();
    const origin = await redirecting(status, `${elsewhere.url}/v6/token`, /token/i);
    const vbm = createVbm365Client({ baseUrl: origin.url, auth: { username: "admin", password: PASSWORD } });

    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({ status, method: "POST" });
    expect((error as Error).message).toContain(host(elsewhere.url));
    expect(elsewhere.seen).toEqual([]);
    expect(origin.seen.map((line) => line.split(" ")[0])).toEqual(["POST"]); // no data call without a token
  });

  it("an HTTPS server (the `ca` transport) redirecting the login to plain HTTP gets no second request anywhere", async () => {
    const tls = selfSigned();
    const elsewhere = await target();
    const origin = await redirecting(308, `${elsewhere.url}/v6/token`, /token/i, tls);
    const vbm = createVbm365Client({ baseUrl: origin.url, auth: { username: "admin", password: PASSWORD }, ca: tls.cert });

    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 308, method: "POST" });
    expect(elsewhere.seen).toEqual([]);
  });

  it("the `ca` transport does not follow a data call's redirect either", async () => {
    const tls = selfSigned();
    const elsewhere = await target();
    const origin = await redirecting(302, `${elsewhere.url}/v6/RestoreSessions/${SESSION_ID}`, /RestoreSessions/, tls);
    const vbm = createVbm365Client({ baseUrl: origin.url, auth: { token: "t0ken-value" }, ca: tls.cert });

    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({ status: 302 });
    expect(elsewhere.seen).toEqual([]);
  });

  it("the typed api client refuses redirects too, even when a call asks to follow them", async () => {
    const elsewhere = await target();
    const origin = await redirecting(302, `${elsewhere.url}/v6/RestoreSessions/${SESSION_ID}`, /RestoreSessions/);
    const vbm = createVbm365Client({ baseUrl: origin.url, auth: { token: "t0ken-value" } });

    const answer = vbm.api.GET("/v6/RestoreSessions/{restoreSessionId}", {
      params: { path: { restoreSessionId: SESSION_ID } },
      redirect: "follow",
    });

    await expect(answer).rejects.toMatchObject({ status: 302, message: expect.stringContaining(host(elsewhere.url)) });
    expect(elsewhere.seen).toEqual([]);
  });

  it("names the target host with every secret redacted from it", async () => {
    const origin = await redirecting(302, `http://${PASSWORD.toLowerCase()}.example/?password=${PASSWORD}`, /RestoreSessions/);
    const vbm = createVbm365Client({ baseUrl: origin.url, auth: { username: "admin", password: PASSWORD.toLowerCase() } });

    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

    expect((error as Error).message).toContain("[redacted].example");
    expect((error as Error).message).not.toContain(PASSWORD.toLowerCase());
    expect((error as Error).message).not.toContain(PASSWORD);
  });
});
