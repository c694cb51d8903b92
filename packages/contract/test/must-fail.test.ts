// The suite must be able to fail: the same checks, run against testkit servers that each
// break the contract in one known way, must report that break as the violation it is:
// the right operation, JSON pointer and kind. A suite that passes everything is a defect.
// Every case runs on every API version: a testkit server that serves only that version,
// checked against that version's bundle (one server start per defect and version, about
// 0.1 s each, so the whole matrix stays cheap).
import { apiVersions } from "@vbm365/openapi";
import type { Defect } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allViolations, formatViolation, runContract, specOf, type ApiVersion, type ContractReport, type Violation } from "../src/index.js";
import { testkit } from "./targets.js";

async function contractAgainst(version: ApiVersion, defects: Defect[]): Promise<ContractReport> {
  const running = await testkit(
    { defects, versions: [version] },
    `${version} testkit with ${defects.join(", ") || "no defects"}`,
    version,
  ).start();
  try {
    return await runContract(specOf(version), running.target);
  } finally {
    await running.close();
  }
}

type Expected = Partial<Violation> & Pick<Violation, "operationId" | "kind">;

const cases: { defect: Defect; says: string; expected: Expected[] }[] = [
  {
    defect: "wrongType",
    says: "a page's limit sent as a string",
    expected: [
      { operationId: "RestoreSession_GetPage", kind: "schema", rule: "type", pointer: "/limit", expected: "type integer", actual: '"5"' },
    ],
  },
  {
    defect: "missingRequired",
    says: "sessions without their required state",
    expected: [
      { operationId: "RestoreSession_GetPage", kind: "schema", rule: "required", pointer: "/results/0/state" },
      { operationId: "RestoreSession_GetByRestoreSessionId", kind: "schema", rule: "required", pointer: "/state", actual: "absent" },
    ],
  },
  {
    defect: "unknownEnum",
    says: "a session type outside the enum",
    expected: [{ operationId: "RestoreSession_GetByRestoreSessionId", kind: "schema", rule: "enum", pointer: "/type", actual: '"Vexx"' }],
  },
  {
    defect: "badDate",
    says: "a creationTime that is not a date",
    expected: [
      {
        operationId: "RestoreSession_GetByRestoreSessionId",
        kind: "schema",
        rule: "format",
        pointer: "/creationTime",
        expected: "format date-time",
        actual: '"yesterday"',
      },
    ],
  },
  {
    defect: "noAuth",
    says: "data without a token",
    expected: [
      { operationId: "RestoreSession_GetPage", kind: "auth", expected: "401 and no data" },
      { operationId: "RestoreSession_GetByRestoreSessionId", kind: "auth" },
      { operationId: "RestoreSessionEvent_Get", kind: "auth" },
    ],
  },
  {
    defect: "repeatId",
    says: "a page that repeats the previous page's last id",
    expected: [
      { operationId: "RestoreSession_GetPage", kind: "paging", rule: "duplicate-id", pointer: "/results/0/id" },
      { operationId: "RestoreSession_GetPage", kind: "paging", rule: "missing-id" },
    ],
  },
  {
    defect: "endlessNext",
    says: "a _links.next that never ends",
    expected: [
      { operationId: "RestoreSession_GetPage", kind: "paging", rule: "next-on-last-page", pointer: "/_links/next" },
      { operationId: "RestoreSession_GetPage", kind: "paging", rule: "endless-next", pointer: "/_links/next" },
    ],
  },
];

const versions = apiVersions.map((version) => ({ version }));

describe.each(versions)("the $version contract checks against a clean $version testkit server", ({ version }) => {
  it("find nothing, so every violation below comes from the defect", async () => {
    const report = await contractAgainst(version, []);
    expect(report.apiVersion).toBe(version);
    expect(allViolations(report).map(formatViolation)).toEqual([]);
    expect(report.results.filter((r) => r.outcome.skipped)).toEqual([]);
  });
});

const matrix = versions.flatMap(({ version }) => cases.map((c) => ({ version, ...c })));

describe.each(matrix)(
  "the $version contract checks against a $version testkit server with the $defect defect ($says)",
  ({ version, defect, expected }) => {
    let violations: Violation[];
    beforeAll(async () => {
      violations = allViolations(await contractAgainst(version, [defect]));
    });
    afterAll(() => {
      // The reader of a red run sees what the suite did report.
      if (expect.getState().assertionCalls === 0) console.log(violations.map(formatViolation).join("\n"));
    });

    for (const want of expected) {
      it(`report ${want.operationId} ${want.kind}${want.rule ? `/${want.rule}` : ""}${want.pointer ? ` at ${want.pointer}` : ""}`, () => {
        expect(violations, violations.map(formatViolation).join("\n")).toContainEqual(expect.objectContaining(want));
      });
    }

    it("report only violations of the kinds this defect causes", () => {
      const kinds = new Set(expected.map((e) => e.kind));
      // Paging defects also break the echo or id rules; schema defects stay schema (and echo) ones.
      const stray = violations.filter((v) => !kinds.has(v.kind) && !(v.kind === "paging" && v.rule === "limit-echo"));
      expect(stray.map(formatViolation)).toEqual([]);
    });
  },
);
