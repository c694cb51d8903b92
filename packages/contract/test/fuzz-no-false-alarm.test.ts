// Behaviour a conformant server may show that the fuzzer must not call a failure: links
// built from the request's own query (an unknown parameter and the request's spelling kept
// in `_links`), and a value accepted beyond a limit that is this spec's own, not the
// vendor's (at most a warning). A proxy in front of a clean testkit server adds each one.
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatFuzzReport, loadSpec, runFuzz } from "../src/index.js";
import { testkit, type RunningTarget } from "./targets.js";
import { startTwistProxy, type Answer, type TwistProxy } from "./twist-proxy.js";

const doc = loadSpec();
/** The session list alone, so its date-time filters are drawn often. */
const listOnly = { ...doc, paths: { "/v6/RestoreSessions": doc.paths["/v6/RestoreSessions"]! } };

/** The request's query pairs as received (names and values still encoded as the client wrote them). */
function rawPairs(req: IncomingMessage): string[] {
  const query = req.url!.split("?")[1];
  return query ? query.split("&").filter((p) => p !== "") : [];
}

/**
 * Every page link rebuilt from the request's query as it arrived, as a server that copies
 * the query into its links does: the link's own offset and limit win, every other
 * parameter of the request (a filter as the client spelled it, an unknown one) is kept.
 */
function linksEchoTheRequest(req: IncomingMessage, answer: Answer): Answer {
  if (answer.status !== 200 || !answer.body.startsWith('{"offset"')) return answer;
  const page = JSON.parse(answer.body) as { _links?: Record<string, { href: string }> };
  for (const link of Object.values(page._links ?? {})) {
    const [path, query = ""] = link.href.split("?");
    const own = query.split("&").filter((p) => /^(offset|limit)=/i.test(p));
    const echoed = rawPairs(req).filter((p) => !/^(offset|limit)=/i.test(p));
    link.href = `${path}?${[...own, ...echoed].join("&")}`;
  }
  return { ...answer, body: JSON.stringify(page) };
}

/** Date-time values beyond the spec's own maxLength reach the server cut to seven digits (however they were spelled), so it accepts them. */
function acceptLongDates(path: string): string {
  const url = new URL(path, "http://proxy.invalid");
  for (const [name, value] of [...url.searchParams]) {
    if (/Time(From|To)$/.test(name)) url.searchParams.set(name, value.replace(/(\.\d{7})\d+/, "$1"));
  }
  return `${url.pathname}${url.search}`;
}

let upstream: RunningTarget;
let proxy: TwistProxy;
beforeAll(async () => {
  upstream = await testkit({ sessions: 12 }, "testkit", "v6").start();
  proxy = await startTwistProxy(upstream.target.baseUrl);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe("the fuzzer passes behaviour the vendor's documents allow", () => {
  it("links that keep the request's query, an unknown parameter and its percent-encoding included", async () => {
    proxy.set(linksEchoTheRequest);
    const report = await runFuzz(
      doc,
      { ...upstream.target, baseUrl: proxy.url },
      { runs: 150, maxTimeMs: 15_000, seed: 20261128, property: "requests", apiVersion: "auto" },
    );
    const text = formatFuzzReport(report);
    expect(report.results.find((r) => r.name === "requests")?.failure, text).toBeUndefined();
    expect(report.results.find((r) => r.name === "requests")?.runs, text).toBe(150);
  });

  it("a date-time longer than the spec's own maxLength accepted: a warning naming the limit, not a failure", async () => {
    proxy.set((_req, a) => a, acceptLongDates);
    const sent: string[] = [];
    const target = { ...upstream.target, baseUrl: proxy.url, onRequest: (_method: string, path: string) => sent.push(path) };
    const report = await runFuzz(listOnly, target, {
      runs: 200,
      maxTimeMs: 15_000,
      seed: 20261128,
      property: "requests",
      apiVersion: "auto",
    });
    const text = formatFuzzReport(report);
    expect(
      sent.filter((path) => /Time(From|To)=[^&]*\.1{64}Z/.test(path)).length,
      "requests with a date-time beyond maxLength",
    ).toBeGreaterThan(0);
    expect(report.results.find((r) => r.name === "requests")?.failure, text).toBeUndefined();
    expect(text).toMatch(/warning: .*startTime(From|To)=2022-03-12T15:55:20\.1{64}Z.* maxLength 64 .*x-vbm365-own-limit/);
    // The account at the end: the checks per kind, the own-limit ones among them.
    expect(text).toMatch(/ {2}checks run, per kind:\n(.*\n)* {4}\d+ beyond a limit of our own: 4xx, or 2xx with a warning\n/);
  });
});
