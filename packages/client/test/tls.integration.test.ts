// A loopback HTTPS server with a self-signed certificate made at test time by openssl:
// the client refuses it without `ca` and accepts it with it.
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365NetworkError } from "../src/index.js";
import { SESSION_ID, session } from "./helpers/fake-fetch.js";
import { selfSigned } from "./helpers/loopback.js";

let server: Server;
let baseUrl: string;
let ca: string;

beforeAll(async () => {
  const { cert, key } = selfSigned();
  ca = cert;
  server = createServer({ key, cert }, (request, response) => {
    if (request.headers.authorization !== "Bearer t0ken") {
      response
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ message: "Authorization has been denied for this request." }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(session(1)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe("TLS with a self-signed certificate", () => {
  it("is refused without ca, as a network error that names the certificate problem", async () => {
    const vbm = createVbm365Client({ baseUrl, auth: { token: "t0ken" } });
    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Vbm365NetworkError);
    expect((error as Error).message).toMatch(/SELF_SIGNED|CERT/);
  });

  it("is accepted with the certificate as ca, auth header included", async () => {
    const vbm = createVbm365Client({ baseUrl, auth: { token: "t0ken" }, ca });
    expect(await vbm.restoreSessions.get(SESSION_ID)).toEqual(session(1));
  });

  it("passes server errors through the ca transport", async () => {
    const vbm = createVbm365Client({ baseUrl, auth: { token: "wrong" }, ca });
    await expect(vbm.restoreSessions.get(SESSION_ID)).rejects.toMatchObject({
      status: 401,
      message: `GET /v6/RestoreSessions/${SESSION_ID} failed with HTTP 401: Authorization has been denied for this request.`,
    });
  });

  it("refuses a ca that is not PEM text, naming the option", () => {
    expect(() => createVbm365Client({ baseUrl, auth: { token: "t" }, ca: "/etc/vbm/ca.pem" })).toThrow("ca: expected PEM text");
  });
});
