// The fuzzer must be able to fail: against a testkit server with each defect it can
// inject, the property meant for it reports the defect, shrunk to a small input; against
// a clean testkit server every property passes. The seed is pinned so a red run replays.
import { bundlePaths } from "@vbm365/openapi";
import type { Defect } from "@vbm365/testkit";
import { describe, expect, it } from "vitest";
import { formatFuzzReport, loadSpec, runFuzz, type FuzzReport } from "../src/index.js";
import { testkit } from "./targets.js";

const doc = loadSpec();
const seed = 20261128;

async function fuzzAgainst(defects: Defect[], property?: string, version?: "v7" | "v8"): Promise<FuzzReport> {
  const running = await testkit({ defects, sessions: 12 }, `testkit with ${defects.join(", ") || "no defects"}`).start();
  try {
    const spec = version ? loadSpec(bundlePaths(version).dereferenced) : doc;
    return await runFuzz(spec, running.target, { runs: version ? 30 : 100, maxTimeMs: 20_000, seed, property, apiVersion: "auto" });
  } finally {
    await running.close();
  }
}

/** What the shrunk failure must say: the input it shrank to, and the violation it shows. */
interface Caught {
  counterexample: RegExp;
  error: RegExp;
}

const cases: { defect: Defect; property: string; says: string; caught: Caught }[] = [
  {
    defect: "wrongType",
    property: "requests",
    says: "a page's limit as a string",
    caught: {
      counterexample: /^GET \/v6\/RestoreSessions(\/[^/ ]+\/Events)?[,?]/,
      error: /\/limit: expected type integer, got "\d+" \[schema\/type\]/,
    },
  },
  {
    defect: "missingRequired",
    property: "requests",
    says: "sessions without state",
    caught: {
      counterexample: /^GET \/v6\/RestoreSessions/,
      error: /\/state: expected a required property, got absent \[schema\/required\]/,
    },
  },
  {
    defect: "unknownEnum",
    property: "requests",
    says: "a session type outside the enum",
    caught: { counterexample: /^GET \/v6\/RestoreSessions/, error: /\/type: expected one of .*, got "Vexx" \[schema\/enum\]/ },
  },
  {
    defect: "badDate",
    property: "requests",
    says: "a creationTime that is not a date",
    caught: {
      counterexample: /^GET \/v6\/RestoreSessions/,
      error: /\/creationTime: expected format date-time, got "yesterday" \[schema\/format\]/,
    },
  },
  {
    defect: "noAuth",
    property: "requests",
    says: "data without a token",
    caught: { counterexample: /without a token, expecting 401/, error: /expected 401 and no data, got 200 with data \[auth\]/ },
  },
  {
    defect: "repeatId",
    property: "paging",
    says: "a page repeating the last id of the one before",
    caught: { counterexample: /^walk GET /, error: /\[paging\/duplicate-id\]/ },
  },
  {
    defect: "endlessNext",
    property: "paging",
    says: "a next link that never ends",
    caught: { counterexample: /^walk GET /, error: /\[paging\/(next-on-last-page|endless-next)\]/ },
  },
  // The three the hand-picked cases miss.
  {
    defect: "offsetDate500",
    property: "requests",
    says: "a 500 on a date with an offset",
    caught: { counterexample: /startTime(From|To)=[^ ]*(%2B|-)\d\d%3A\d\d/, error: /got 500 .*\[status\/5xx\]/ },
  },
  {
    defect: "nextDropsFilter",
    property: "paging",
    says: "page 2 without the filter",
    caught: {
      counterexample: /^walk GET \/v6\/RestoreSessions .* with startTime(From|To)=/,
      error: /\[(filter\/filter-across-pages|paging\/duplicate-id|paging\/missing-id)\]/,
    },
  },
  {
    defect: "eventAnySession",
    property: "sequences",
    says: "an event found under another session",
    caught: {
      counterexample: /get RestoreSessionEvent_GetById of listed #\d+ under another parent/,
      error: /expected 404, got 200 .*\[consistency\/child-under-other-parent\]/,
    },
  },
];

describe("the fuzzer against a clean testkit server", () => {
  it("finds nothing, so each failure below comes from the defect", async () => {
    const report = await fuzzAgainst([]);
    expect(
      report.results.filter((r) => r.failure || r.skipped).map((r) => r.name),
      formatFuzzReport(report),
    ).toEqual([]);
    for (const r of report.results) expect(r.runs, r.name).toBe(100);
  });

  it.each(["v7", "v8"] as const)(
    "finds nothing in the %s API either (--api-version: its own paths, filters and operations)",
    async (version) => {
      const report = await fuzzAgainst([], undefined, version);
      expect(
        report.results.filter((r) => r.failure || r.skipped).map((r) => r.name),
        formatFuzzReport(report),
      ).toEqual([]);
      for (const r of report.results) expect(r.runs, r.name).toBe(30);
    },
  );
});

describe.each(cases)("the fuzzer against a testkit server with $defect ($says)", ({ defect, property, caught }) => {
  it(`reports it from the ${property} property, shrunk, with the seed to replay`, async () => {
    const report = await fuzzAgainst([defect], property);
    const text = formatFuzzReport(report);
    // The shrunk input and its violations go to the log, so a reader sees what each defect looked like.
    console.log(text);
    const failure = report.results.find((r) => r.name === property)?.failure;
    // A failure with fast-check's replay path, such as 12:0:3.
    expect(failure, text).toMatchObject({ path: expect.stringMatching(/^\d+(:\d+)*$/) });
    expect(failure!.counterexample.split("\n")[0]).toMatch(caught.counterexample);
    expect(failure!.error).toMatch(caught.error);
    const replay = property === "sequences" ? "--runs 100" : `--path ${failure!.path}`;
    expect(text).toContain(`replay: pnpm contract --fuzz --seed ${seed} --property ${property} ${replay}`);
  });
});
