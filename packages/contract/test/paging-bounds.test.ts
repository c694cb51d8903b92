// A paging walk always ends: against servers whose `_links.next` runs away (fresh items
// forever) or loops back, the walk stops after a bounded number of pages and says why.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createContext, fullCapabilities, listChecks, loadSpec, runCheck } from "../src/index.js";

const doc = loadSpec();
const walk = listChecks(doc).find((c) => c.id === "RestoreSession_GetPage/paging-walk")!;
const session = (id = randomUUID()) => ({
  id,
  type: "Vex",
  creationTime: "2022-02-22T15:40:25.1612392Z",
  state: "Stopped",
  result: "Success",
});
const fixed = Array.from({ length: 10 }, () => session());

/** A one-route server: `page(offset, limit)` gives the results and the next href. */
function serve(page: (offset: number, limit: number) => { results: unknown[]; next?: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 30);
    const { results, next } = page(offset, limit);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ offset, limit, results, _links: next ? { next: { href: next } } : {} }));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function walkAgainst(page: Parameters<typeof serve>[0]) {
  server = await serve(page);
  const requests: string[] = [];
  const { port } = server.address() as AddressInfo;
  const target = {
    name: "fake",
    baseUrl: `http://127.0.0.1:${port}`,
    token: "t",
    capabilities: fullCapabilities,
    allowWrites: false,
    apiVersion: "v6" as const,
    versionReason: "pinned by the test",
    onRequest: (_: string, path: string) => requests.push(path),
  };
  const { outcome } = await runCheck(walk, createContext(doc, target));
  return { violations: outcome.violations, requests };
}

describe("the paging walk", () => {
  it("stops after the pages the item count allows when next keeps bringing new items", async () => {
    const { violations, requests } = await walkAgainst((offset, limit) => ({
      results: Array.from({ length: Math.min(limit, 10) }, () => session()),
      next: `/v6/RestoreSessions?offset=${offset + limit}&limit=${limit}`,
    }));
    // 10 items in the reference page, walked 2 at a time: 5 pages plus one of slack.
    expect(violations).toContainEqual(
      expect.objectContaining({
        kind: "paging",
        rule: "endless-next",
        expected: "the walk to end within 6 pages (10 items in pages of 2)",
      }),
    );
    expect(requests.length).toBe(1 + 6);
  });

  it("stops when next leads back to a page it has read", async () => {
    const { violations, requests } = await walkAgainst((offset, limit) => ({
      results: fixed.slice(offset, offset + limit),
      next: `/v6/RestoreSessions?offset=${offset + limit < fixed.length ? offset + limit : 0}&limit=${limit}`,
    }));
    expect(violations).toContainEqual(expect.objectContaining({ rule: "endless-next", actual: expect.stringContaining("visited before") }));
    expect(violations).toContainEqual(expect.objectContaining({ rule: "duplicate-id" }));
    expect(requests.length).toBeLessThanOrEqual(1 + 7);
  });

  it("passes a server that pages correctly (so the two above fail for their reason)", async () => {
    const { violations } = await walkAgainst((offset, limit) => ({
      results: fixed.slice(offset, offset + limit),
      next: offset + limit < fixed.length ? `/v6/RestoreSessions?offset=${offset + limit}&limit=${limit}` : undefined,
    }));
    expect(violations).toEqual([]);
  });
});
