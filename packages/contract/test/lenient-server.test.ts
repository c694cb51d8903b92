// The checks the testkit defects do not reach, against a lenient server that accepts
// everything: it ignores the time filters, takes any token, any limit, any id, and echoes
// offset 0. Each check must report it (and a testkit passes them all in contract.test.ts).
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, fullCapabilities, listChecks, loadSpec, runCheck, type ContractContext } from "../src/index.js";

const doc = loadSpec();
const checks = listChecks(doc);
const sessions = Array.from({ length: 12 }, (_, i) => ({
  id: randomUUID(),
  type: "Vex",
  creationTime: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  state: "Stopped",
  result: "Success",
}));

let server: Server;
let ctx: ContractContext;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const byId = /^\/v6\/RestoreSessions\/([^/]+)$/.exec(url.pathname);
    res.writeHead(200, { "content-type": "application/json" });
    if (byId) return res.end(JSON.stringify({ ...sessions[0], id: byId[1] }));
    const offset = Math.max(0, Number(url.searchParams.get("offset") ?? 0) || 0);
    const limit = Math.max(1, Number(url.searchParams.get("limit") ?? 30) || 30);
    const next = offset + limit < sessions.length ? { next: { href: `/v6/RestoreSessions?offset=${offset + limit}&limit=${limit}` } } : {};
    res.end(JSON.stringify({ offset: 0, limit, results: sessions.slice(offset, offset + limit), _links: next }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  ctx = createContext(doc, {
    name: "lenient",
    baseUrl: `http://127.0.0.1:${port}`,
    token: "t",
    capabilities: fullCapabilities,
    allowWrites: false,
    apiVersion: "v6",
    versionReason: "pinned by the test",
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const outcomeOf = async (id: string) => (await runCheck(checks.find((c) => c.id === id)!, ctx)).outcome;

describe("against a server that accepts everything", () => {
  it.each([
    [
      "RestoreSession_GetPage/filter-startTimeFrom",
      { kind: "filter", rule: "startTimeFrom", actual: expect.stringMatching(/^12 items, 6 outside the window/) },
    ],
    ["RestoreSession_GetPage/filter-startTimeTo", { kind: "filter", rule: "startTimeTo" }],
    [
      "RestoreSession_GetPage/paging-walk",
      { kind: "paging", rule: "offset-echo", pointer: "/offset", expected: "3 (as requested)", actual: "0" },
    ],
    ["RestoreSession_GetPage/bad-token", { kind: "auth", expected: "401 and no data" }],
    ["RestoreSession_GetPage/malformed-query/limit=10001", { kind: "status", expected: "4xx", actual: expect.stringMatching(/^200/) }],
    ["RestoreSession_GetPage/malformed-query/startTimeFrom=notadate", { kind: "status", expected: "4xx" }],
    [
      "RestoreSession_GetByRestoreSessionId/non-uuid-restoreSessionId",
      { kind: "status", expected: "4xx", request: "GET /v6/RestoreSessions/not-a-uuid" },
    ],
    [
      "RestoreSession_GetByRestoreSessionId/unknown-restoreSessionId",
      { kind: "status", expected: "404", actual: expect.stringMatching(/^200/) },
    ],
  ])("%s reports it", async (id, violation) => {
    const { violations, skipped } = await outcomeOf(id);
    expect(skipped).toBeUndefined();
    expect(violations).toContainEqual(expect.objectContaining({ operationId: id.split("/")[0], ...violation }));
  });
});

describe("against a server that accepts a value beyond a limit of this spec's own", () => {
  it.each(["RestoreSession_GetPage/malformed-query/limit=0", "RestoreSession_GetPage/malformed-query/offset=-1"])(
    "%s is a warning naming the limit, not a violation",
    async (id) => {
      const { violations, warnings, skipped } = await outcomeOf(id);
      expect(skipped).toBeUndefined();
      expect(violations).toEqual([]);
      expect(warnings).toEqual([
        expect.objectContaining({
          kind: "status",
          rule: "own-limit",
          expected: expect.stringMatching(/^4xx \(minimum -?\d is a limit of this spec's own \(x-vbm365-own-limit\)/),
          actual: "200",
        }),
      ]);
    },
  );
});
