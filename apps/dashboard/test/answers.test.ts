// Hostile data and odd input: a garbage page from VBM365 is an
// error, not an empty table; counts of server strings such as "constructor" are right;
// impossible dates are refused; the log masks a secret in every encoded form.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestoreSession } from "@vbm365/client";
import { startDashboardServer, type DashboardServer, type SessionsResponse } from "../src/server/index.js";
import { REDACTED, redactText as redact } from "@vbm365/client";
import { windowSource } from "./support/source.js";

const page = { "x-dashboard-request": "1" };
const token = "Tok3n-secret+/=value-41c2";
let upstream: Server;
let upstreamUrl: string;
/** What the fake VBM365 server answers to a session list, and with which status. */
let listAnswer: { status: number; body: string } = { status: 200, body: "{}" };
const started: DashboardServer[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    // Echoes the bearer token back in base64, as a careless server's error might.
    const echoed = Buffer.from(`seen: ${req.headers.authorization ?? ""}`).toString("base64");
    const body = listAnswer.body.replace("$ECHO", echoed);
    res.writeHead(listAnswer.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(started.map((server) => server.close()));
  await new Promise((resolve) => upstream.close(resolve));
});

async function dashboardFor(options: Parameters<typeof startDashboardServer>[0] = {}): Promise<DashboardServer> {
  const server = await startDashboardServer({ target: { url: upstreamUrl, auth: { token } }, log: () => undefined, ...options });
  started.push(server);
  return server;
}

async function getJson(server: DashboardServer, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, server.url), { headers: page });
  return { status: response.status, body: await response.json() };
}

describe("a page from VBM365 that is not a page of sessions", () => {
  it.each([
    ['{"results":"nope","offset":0,"limit":1000}', /sent a page without a list of restore sessions/],
    ['{"results":[{"id":"x"}],"offset":0,"limit":1000}', /restore session whose "type" is missing, not a string/],
    ['{"results":[7],"offset":0,"limit":1000}', /not a restore session \(a number\)/],
  ])("%s is a 502 naming what is wrong, not an empty table", async (body, message) => {
    listAnswer = { status: 200, body };
    const dashboard = await dashboardFor();
    const answer = await getJson(dashboard, "/api/sessions");
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatch(message);
    expect(answer.body).not.toHaveProperty("rows");
  });
});

describe("statistics from VBM365 that are not statistics (v8)", () => {
  const counts = '"totalItemsCount":3,"restoredItemsCount":1,"failedItemsCount":1,"skippedItemsCount":1';
  it.each([
    [`{${counts.replace(":3", ":3.5")},"items":[]}`, /statistics answer whose "totalItemsCount" is a number, not a whole number/],
    [
      `{${counts.replace('"failedItemsCount":1', '"failedItemsCount":"1"')},"items":[]}`,
      /statistics answer whose "failedItemsCount" is a string, not a whole number/,
    ],
    [`{${counts},"items":{}}`, /statistics answer whose "items" is an object, not a list/],
    [`{${counts},"items":[],"errors":"none"}`, /statistics answer whose "errors" is a string, not a list or nothing/],
  ])("%s is a 502 naming what is wrong, not numbers on the page", async (body, message) => {
    // The fake server answers every request with this body: the "auto" probe takes 200 as v8 served.
    listAnswer = { status: 200, body };
    const dashboard = await dashboardFor();
    const answer = await getJson(dashboard, "/api/sessions/00000000-0000-4000-8000-000000000001/statistics");
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatch(message);
    expect(answer.body).not.toHaveProperty("statistics");
  });
});

describe("counts of server strings", () => {
  it('count "constructor", "__proto__" and "toString" like any other value', async () => {
    const now = Date.now();
    const session = (index: number, result: string, type: string): RestoreSession => ({
      id: `00000000-0000-4000-8000-00000000000${index}`,
      type: type as RestoreSession["type"],
      state: "Stopped",
      result: result as RestoreSession["result"],
      creationTime: new Date(now - (index + 1) * 60_000).toISOString(),
    });
    const sessions = [
      session(1, "constructor", "toString"),
      session(2, "constructor", "Vex"),
      session(3, "__proto__", "toString"),
      session(4, "Success", "Vex"),
    ];
    const dashboard = await dashboardFor({ source: windowSource(async () => sessions) });
    const answer = await getJson(dashboard, "/api/sessions");
    expect(answer.status).toBe(200);
    const data = answer.body as SessionsResponse;
    expect(Object.entries(data.counts.result).sort()).toEqual([
      ["Success", 1],
      ["__proto__", 1],
      ["constructor", 2],
    ]);
    expect(Object.entries(data.counts.type).sort()).toEqual([
      ["Vex", 2],
      ["toString", 2],
    ]);
    const byResult = data.timeline.buckets.flatMap((bucket) => Object.entries(bucket.byResult));
    expect(byResult.filter(([result]) => result === "constructor").reduce((sum, [, count]) => sum + count, 0)).toBe(2);
  });
});

describe("impossible dates", () => {
  it.each([
    "2026-02-30T00:00:00Z",
    "2025-02-29T12:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T12:60:00Z",
    "2026-13-01T00:00:00Z",
  ])("from=%s is refused, not moved to another day", async (from) => {
    const dashboard = await dashboardFor();
    const answer = await getJson(dashboard, `/api/sessions?from=${from}&to=2026-05-01T00:00:00Z`);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(`"from" must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z, not ${from}.`);
  });

  it("a leap day that exists is taken", async () => {
    listAnswer = { status: 200, body: '{"results":[],"offset":0,"limit":1000}' };
    const dashboard = await dashboardFor();
    const answer = await getJson(dashboard, "/api/sessions?from=2024-02-29T00:00:00Z&to=2024-03-01T00:00:00Z");
    expect(answer.status).toBe(200);
    expect(answer.body.window.from).toBe("2024-02-29T00:00:00.000Z");
  });
});

describe("secrets in the log", () => {
  const password = "p@ss word+/&=é-9f";

  it("are masked raw, URL-encoded, form-encoded and in base64 at every alignment", () => {
    const plain = [password, encodeURIComponent(password), new URLSearchParams({ password }).toString().slice("password=".length)];
    // Inside a longer encoded text the secret can start at any of 3 byte offsets; base64url too.
    const encoded = ["", "a", "ab", "Bearer "].flatMap((prefix) =>
      (["base64", "base64url"] as const).map((encoding) => Buffer.from(`${prefix}${password}!`).toString(encoding)),
    );
    for (const form of plain) expect(redact(`server said: ${form} (end)`, [password]), form).toBe(`server said: ${REDACTED} (end)`);
    for (const form of encoded) {
      const masked = redact(`server said: ${form} (end)`, [password]);
      // The first and last characters mix in the bytes around the secret; the rest is its own.
      expect(masked, form).toContain(REDACTED);
      expect(masked, form).not.toContain(form.slice(4, -4));
    }
  });

  it("a server that echoes the bearer in base64 does not get it into the dashboard log", async () => {
    const lines: string[] = [];
    listAnswer = { status: 500, body: '{"message":"$ECHO"}' };
    const dashboard = await dashboardFor({ log: (line) => lines.push(line) });
    expect((await getJson(dashboard, "/api/sessions")).status).toBe(502);
    const log = lines.join("\n");
    expect(log).toMatch(/GET \/api\/sessions -> 502/);
    const bearerBase64 = Buffer.from(`seen: Bearer ${token}`).toString("base64");
    expect(log).not.toContain(token);
    expect(log).not.toContain(bearerBase64.slice(8, 30));
  });
});
