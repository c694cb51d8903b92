// The token's `.issued`/`.expires` are date-times in the vendor's document, yet servers of
// this kind write RFC 1123 dates there and the facts tell clients to parse them leniently:
// the spec marks both with `x-vbm365-lenient-format: [rfc1123]`. Such a server passes the
// checks and the fuzzer with a warning naming each field; a date in no form at all
// (`yesterday`) still fails both.
import { describe, expect, it } from "vitest";
import {
  allViolations,
  formatFuzzReport,
  formatSummary,
  formatViolation,
  runContract,
  runFuzz,
  specOf,
  type ApiVersion,
  type ContractReport,
  type FuzzReport,
} from "../src/index.js";
import { formatTally, newTally, warn } from "../src/fuzz/tally.js";
import { secondOpinion, testkit, type TargetStarter } from "./targets.js";

async function withTarget<T>(starter: TargetStarter, fn: (running: Awaited<ReturnType<TargetStarter["start"]>>) => Promise<T>): Promise<T> {
  const running = await starter.start();
  try {
    return await fn(running);
  } finally {
    await running.close();
  }
}

const tokenCall = (report: ContractReport) => report.results.find((r) => r.check.id === "token/call")!.outcome;
const fuzzOnce = (version: ApiVersion) => (running: Awaited<ReturnType<TargetStarter["start"]>>) =>
  runFuzz(specOf(version), running.target, { runs: 10, maxTimeMs: 20_000, seed: 5, apiVersion: version });
const failures = (report: FuzzReport) =>
  report.results
    .filter((r) => r.failure)
    .map((r) => r.failure!.error)
    .join("\n");

const rfc1123Servers: { name: string; starter: (version: ApiVersion) => TargetStarter }[] = [
  {
    name: "a testkit server (--token-dates rfc1123)",
    starter: (version) => testkit({ tokenDates: "rfc1123" }, "testkit rfc1123", version),
  },
  {
    name: "the second-opinion server (tokenDates rfc1123)",
    starter: (version) => secondOpinion({ tokenDates: "rfc1123" }, "second opinion rfc1123", version),
  },
];

describe.each(rfc1123Servers)("$name", ({ starter }) => {
  it.each(["v6", "v8"] as ApiVersion[])("passes every check on %s, with a warning naming .issued and .expires", async (version) => {
    const report = await withTarget(starter(version), ({ target }) => runContract(specOf(version), target));
    expect(allViolations(report).map(formatViolation), formatSummary(report)).toEqual([]);
    const warnings = tokenCall(report).warnings ?? [];
    expect(warnings.map((w) => [w.pointer, w.rule]).sort()).toEqual([
      ["/.expires", "lenient-format"],
      ["/.issued", "lenient-format"],
    ]);
    expect(formatSummary(report)).toMatch(
      /warning: token POST \/v\d\/token \/\.issued: expected format date-time \(an RFC 1123 date is allowed too.*got "\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT"/,
    );
  });

  it("passes the fuzzer (v8), the token answers counted as warnings", async () => {
    const report = await withTarget(starter("v8"), fuzzOnce("v8"));
    expect(failures(report), formatFuzzReport(report)).toBe("");
    expect([...report.tally.warnings.keys()].join("\n"), formatFuzzReport(report)).toMatch(/\/\.issued: .*\[schema\/lenient-format\]/);
  });
});

describe("a token answer whose .issued is in no date form (`yesterday`)", () => {
  it("fails token/call with a format violation on .issued, not a warning", async () => {
    const report = await withTarget(secondOpinion({ tokenDates: "words" }, "second opinion words", "v6"), ({ target }) =>
      runContract(specOf("v6"), target),
    );
    expect(tokenCall(report).violations.map(formatViolation)).toEqual([
      'token POST /v6/token /.issued: expected format date-time, got "yesterday" [schema/format]',
      'token POST /v6/token /.expires: expected format date-time, got "in an hour" [schema/format]',
    ]);
    expect(tokenCall(report).warnings ?? []).toEqual([]);
  });

  it("fails the fuzzer", async () => {
    const report = await withTarget(secondOpinion({ tokenDates: "words" }, "second opinion words", "v8"), fuzzOnce("v8"));
    expect(failures(report)).toMatch(/\/\.issued: expected format date-time, got "yesterday" \[schema\/format\]/);
  });
});

describe("the fuzz report's warnings", () => {
  it("fold a field's lenient dates into one line, whatever second each was written in", () => {
    const tally = newTally();
    const at = (pointer: string, actual: string) => ({
      operationId: "token",
      request: "POST /v8/token",
      kind: "schema" as const,
      rule: "lenient-format",
      pointer,
      expected: "format date-time (an RFC 1123 date is allowed too)",
      actual,
    });
    warn(tally, at("/.issued", '"Sun, 06 Dec 2026 21:01:18 GMT"'));
    warn(tally, at("/.issued", '"Sun, 06 Dec 2026 21:01:19 GMT"'));
    warn(tally, at("/.expires", '"Sun, 06 Dec 2026 22:01:19 GMT"'));
    expect(formatTally(tally).filter((line) => line.includes("warning: "))).toEqual([
      '    warning: token POST /v8/token /.issued: expected format date-time (an RFC 1123 date is allowed too), got "Sun, 06 Dec 2026 21:01:18 GMT" [schema/lenient-format] (seen 2 times)',
      '    warning: token POST /v8/token /.expires: expected format date-time (an RFC 1123 date is allowed too), got "Sun, 06 Dec 2026 22:01:19 GMT" [schema/lenient-format]',
    ]);
  });
});
