import { request } from "node:https";
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";

function httpsGet(url: string, token: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` }, ...(ca ? { ca } : {}) }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("HTTPS with a CA made at start-up", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessions: 3, https: true });
  });
  afterAll(() => server.close());

  it("serves https:// and exposes the CA as PEM", () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = new X509Certificate(server.ca!);
    expect(ca.ca).toBe(true);
  });

  it("is trusted with the CA", async () => {
    const answer = await httpsGet(`${server.url}/v6/RestoreSessions`, server.token, server.ca);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).results).toHaveLength(3);
  });

  it("is refused without the CA", async () => {
    await expect(httpsGet(`${server.url}/v6/RestoreSessions`, server.token)).rejects.toThrow(/certificate/i);
  });

  it("makes a different CA for every server", async () => {
    const other = await startTestServer({ sessions: 1, https: true });
    try {
      expect(other.ca).not.toBe(server.ca);
      await expect(httpsGet(`${other.url}/v6/RestoreSessions`, other.token, server.ca)).rejects.toThrow(/certificate/i);
    } finally {
      await other.close();
    }
  });

  it.each(["resetBeforeHeaders", "resetMidBody"] as const)(
    "%s resets a TLS connection too, and the server closes cleanly",
    async (kind) => {
      const faulty = await startTestServer({ sessions: 3, https: true });
      faulty.faults.inject({ kind });
      const outcome = await httpsGet(`${faulty.url}/v6/RestoreSessions`, faulty.token, faulty.ca).then(
        (answer) => `answered ${answer.status}`,
        (error: NodeJS.ErrnoException) => error.code,
      );
      await faulty.close();
      expect(outcome).toBe("ECONNRESET");
    },
  );

  it("has no CA over plain HTTP", async () => {
    const plain = await startTestServer({ sessions: 1 });
    expect(plain.ca).toBeUndefined();
    expect(plain.url).toMatch(/^http:\/\//);
    await plain.close();
  });
});
