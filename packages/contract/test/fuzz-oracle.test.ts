// The fuzzer's checks that no testkit defect reaches, each proven able to fail: a proxy in
// front of a clean testkit server bends one rule at a time, and the fuzzer must report it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatFuzzReport, loadSpec, runFuzz } from "../src/index.js";
import { testkit, type RunningTarget } from "./targets.js";
import { startTwistProxy, type Twist, type TwistProxy } from "./twist-proxy.js";

const doc = loadSpec();

const twists: Record<string, Twist> = {
  // Broken values accepted: every 400 becomes an empty page.
  acceptsBroken: (_req, a) =>
    a.status === 400 ? { status: 200, headers: { "content-type": "application/json" }, body: '{"offset":0,"limit":30,"results":[]}' } : a,
  // Refusals without the error body: an HTML page.
  htmlErrors: (_req, a) => (a.status >= 400 ? { ...a, headers: { "content-type": "text/html" }, body: "<h1>Bad Request</h1>" } : a),
  // A read that changes every time: the item's name carries a counter.
  changesBetweenReads: (_req, a, n) =>
    a.status === 200 && /^\{"id"/.test(a.body) ? { ...a, body: a.body.replace(/^\{/, `{"name":"read ${n}",`) } : a,
  // A parameter the spec does not name is refused instead of ignored.
  refusesUnknownParameter: (req, a) =>
    /vbm365FuzzUnknown=/.test(req.url!)
      ? { status: 400, headers: { "content-type": "application/json" }, body: '{"message":"unknown parameter"}' }
      : a,
  // With an unknown parameter, every link leads one item further: a link that goes elsewhere, not only spelled otherwise.
  linksElsewhereWithUnknownParameter: (req, a) =>
    /vbm365FuzzUnknown=/.test(req.url!)
      ? { ...a, body: a.body.replace(/("href":"[^"]*[?&]offset=)(\d+)/gi, (_, head: string, n: string) => `${head}${Number(n) + 1}`) }
      : a,
  // Percent-encoded digits are not decoded: the same value spelled another way is refused.
  refusesEncodedDigits: (req, a) =>
    /%3\d/.test(req.url!) ? { status: 400, headers: { "content-type": "application/json" }, body: '{"message":"bad value"}' } : a,
  // A filtered page carries a session from before the window.
  leaksOldSession: (req, a) =>
    a.status === 200 && /startTimeFrom=/.test(req.url!)
      ? { ...a, body: a.body.replace(/"creationTime":"[^"]+"/, '"creationTime":"2000-01-01T00:00:00Z"') }
      : a,
  // A session asked for by id comes back as another one.
  answersAnotherSession: (req, a) =>
    a.status === 200 && /^\/v6\/RestoreSessions\/[^/?]+$/i.test(req.url!)
      ? { ...a, body: a.body.replace(/^\{"id":"[^"]+"/, '{"id":"00000000-0000-4000-8000-000000000000"') }
      : a,
  // Session ids that were listed are not found by id.
  forgetsListedIds: (req, a) =>
    /^\/v6\/RestoreSessions\/[^/?]+$/i.test(req.url!)
      ? { status: 404, headers: { "content-type": "application/json" }, body: '{"message":"gone"}' }
      : a,
};

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

async function fuzzThrough(name: keyof typeof twists, property: string) {
  proxy.set(twists[name]!);
  const report = await runFuzz(
    doc,
    { ...upstream.target, name, baseUrl: proxy.url },
    { runs: 100, maxTimeMs: 10_000, seed: 20261128, property, apiVersion: "auto" },
  );
  return { text: formatFuzzReport(report), failure: report.results.find((r) => r.name === property)?.failure };
}

describe("the fuzzer through a proxy that bends one rule", () => {
  it.each([
    ["acceptsBroken", "requests", /expected 4xx, got 200 \(.*\) \[status\]/],
    ["htmlErrors", "requests", /expected application\/json, got text\/html \[content-type\]/],
    [
      "changesBetweenReads",
      "requests",
      /expected the same answer to the same read, got bodies differ at \/name: "read \d+" vs "read \d+" \[consistency\/same-read-twice\]/,
    ],
    [
      "refusesUnknownParameter",
      "requests",
      /expected the same answer with a query parameter the spec does not name \(ignored\), got status (200|404) then 400 \[consistency\/unknown-parameter\]/,
    ],
    [
      "linksElsewhereWithUnknownParameter",
      "requests",
      /expected the same answer with a query parameter the spec does not name \(ignored\), got bodies differ at \/_links\/\w+\/href: "[^"]*offset=\d+[^"]*" vs "[^"]*offset=\d+[^"]*" \[consistency\/unknown-parameter\]/,
    ],
    [
      "refusesEncodedDigits",
      "requests",
      /expected the same answer with every byte of the query values percent-encoded, got .* \[consistency\/percent-encoded\]/,
    ],
    [
      "leaksOldSession",
      "paging",
      /creationTime: expected at or after startTimeFrom=[^ ]+ on every page, got "2000-01-01T00:00:00Z" \[filter\/filter-across-pages\]/,
    ],
    [
      "answersAnotherSession",
      "sequences",
      /\/id: expected "[0-9a-f-]{36}", got "00000000-0000-4000-8000-000000000000" \[consistency\/listed-id-mismatch\]/,
    ],
    ["forgetsListedIds", "sequences", /expected 200: the id was listed earlier in this run, got 404 \[consistency\/listed-id-404\]/],
  ] as const)("%s is reported by the %s property", async (name, property, says) => {
    const { text, failure } = await fuzzThrough(name, property);
    expect(failure?.error, text).toMatch(says);
  });

  it("passes the same proxy when it bends nothing (so each failure above is the twist's)", async () => {
    proxy.set((_req, a) => a);
    const report = await runFuzz(
      doc,
      { ...upstream.target, baseUrl: proxy.url },
      { runs: 50, maxTimeMs: 10_000, seed: 20261128, apiVersion: "auto" },
    );
    expect(
      report.results.filter((r) => r.failure).map((r) => r.name),
      formatFuzzReport(report),
    ).toEqual([]);
  });
});
