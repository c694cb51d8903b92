// The checks each version's bundle brings, proven able to fail: no testkit defect reaches
// them, so a proxy in front of a clean testkit server (serving every version) bends one
// version rule at a time, and the checks of the version named must report it as what it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allViolations, formatViolation, runContract, specOf, type ApiVersion, type Violation } from "../src/index.js";
import { testkit, type RunningTarget } from "./targets.js";
import { startTwistProxy, type Answer, type Twist, type TwistProxy } from "./twist-proxy.js";

const json = (a: Answer, edit: (body: Record<string, unknown>) => void): Answer => {
  const body = JSON.parse(a.body) as Record<string, unknown>;
  edit(body);
  return { ...a, body: JSON.stringify(body) };
};

interface Case {
  name: string;
  version: ApiVersion;
  twist: Twist;
  /** Changes the request before it reaches the server. */
  rewrite?: (path: string) => string;
  expected: (Partial<Violation> & Pick<Violation, "operationId" | "kind">)[];
  /** What a violation must share with an expected one not to count as stray (default: operation and kind). */
  sameBy?: (keyof Violation)[];
}

const cases: Case[] = [
  {
    name: "a v8 server that ignores orderAsc and orderBy (the page comes back reversed)",
    version: "v8",
    twist: (req, a) => (a.status === 200 && /orderBy=/.test(req.url!) ? json(a, (b) => (b.results as unknown[]).reverse()) : a),
    expected: [
      {
        operationId: "RestoreSession_GetPage",
        kind: "order",
        rule: "orderBy=CreationTime",
        expected: "oldest first by creationTime (orderAsc=true)",
      },
      {
        operationId: "RestoreSession_GetPage",
        kind: "order",
        rule: "orderBy=CreationTime",
        expected: "newest first by creationTime (orderAsc=false)",
      },
      { operationId: "RestoreSession_GetPage", kind: "order", rule: "orderBy=EndTime" },
    ],
  },
  {
    name: "a v8 server that ignores endTimeFrom and endTimeTo",
    version: "v8",
    twist: (_req, a) => a,
    rewrite: (path) => path.replace(/([?&])endTime(From|To)=[^&]*&?/g, "$1"),
    expected: [
      { operationId: "RestoreSession_GetPage", kind: "filter", rule: "endTimeFrom", pointer: "/results" },
      { operationId: "RestoreSession_GetPage", kind: "filter", rule: "endTimeTo", pointer: "/results" },
      // A parameter the server never sees cannot be refused either: the malformed-value checks notice.
      { operationId: "RestoreSession_GetPage", kind: "status", request: "GET /v8/RestoreSessions?endTimeFrom=notadate", expected: "4xx" },
      { operationId: "RestoreSession_GetPage", kind: "status", request: "GET /v8/RestoreSessions?endTimeTo=notadate", expected: "4xx" },
    ],
  },
  {
    name: "a v8 Stop that answers 200 with a body instead of 204",
    version: "v8",
    twist: (req, a) =>
      a.status === 204 && /\/Stop$/.test(req.url!) ? { status: 200, headers: { "content-type": "application/json" }, body: "{}" } : a,
    expected: [{ operationId: "RestoreSession_StopAction", kind: "status", expected: "204" }],
  },
  {
    name: "a v6 Stop that answers 204 (v8's answer) instead of 200 with the session",
    version: "v6",
    twist: (req, a) => (a.status === 200 && /\/Stop$/.test(req.url!) ? { status: 204, headers: {}, body: "" } : a),
    expected: [{ operationId: "RestoreSession_StopAction", kind: "status", expected: "200" }],
  },
  {
    name: "v8 Statistics without restoredItemsCount",
    version: "v8",
    twist: (req, a) => (a.status === 200 && /\/Statistics$/.test(req.url!) ? json(a, (b) => delete b.restoredItemsCount) : a),
    expected: [{ operationId: "RestoreSession_GetRestoreStatistics", kind: "schema", rule: "required", pointer: "/restoredItemsCount" }],
  },
  {
    name: "a v7 error body whose errorCode is a number",
    version: "v7",
    twist: (_req, a) => (a.status >= 400 && a.body.startsWith("{") ? json(a, (b) => (b.errorCode = 42)) : a),
    expected: [
      { operationId: "RestoreSession_GetByRestoreSessionId", kind: "schema", rule: "type", pointer: "/errorCode", actual: "42" },
      { operationId: "RestoreSession_GetPage", kind: "schema", rule: "enum", pointer: "/errorCode", actual: "42" },
    ],
    // Every refusal of every operation carries it.
    sameBy: ["kind", "pointer"],
  },
];

let upstream: RunningTarget;
let proxy: TwistProxy;
beforeAll(async () => {
  upstream = await testkit({}, "testkit", "v8").start();
  proxy = await startTwistProxy(upstream.target.baseUrl);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

async function violationsThrough(
  version: ApiVersion,
  twist: Twist,
  rewrite?: (path: string) => string,
  through = { upstream, proxy },
): Promise<Violation[]> {
  through.proxy.set(twist, rewrite);
  const target = {
    ...through.upstream.target,
    name: `proxy (${version})`,
    baseUrl: through.proxy.url,
    apiVersion: version,
    versionReason: "pinned by the test",
  };
  return allViolations(await runContract(specOf(version), target));
}

describe.each(cases)("the contract checks through $name", ({ version, twist, rewrite, expected, sameBy = ["operationId", "kind"] }) => {
  let violations: Violation[];
  beforeAll(async () => {
    violations = await violationsThrough(version, twist, rewrite);
  });

  for (const want of expected) {
    it(`report ${want.operationId} ${want.kind}${want.rule ? `/${want.rule}` : ""}${want.pointer ? ` at ${want.pointer}` : ""}`, () => {
      expect(violations, violations.map(formatViolation).join("\n")).toContainEqual(expect.objectContaining(want));
    });
  }

  it("report nothing else", () => {
    const key = (v: Partial<Violation>) => sameBy.map((k) => String(v[k])).join(" ");
    const known = new Set(expected.map(key));
    expect(violations.filter((v) => !known.has(key(v))).map(formatViolation)).toEqual([]);
  });
});

describe("the same proxy bending nothing", () => {
  it.each(["v6", "v7", "v8"] as const)("passes %s (so each failure above is the twist's)", async (version) => {
    const violations = await violationsThrough(version, (_req, a) => a);
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it("a numeric errorCode is no violation on v6, whose error body names no errorCode (each version is judged by its own bundle)", async () => {
    const violations = await violationsThrough("v6", (_req, a) =>
      a.status >= 400 && a.body.startsWith("{") ? json(a, (b) => (b.errorCode = 42)) : a,
    );
    expect(violations.map(formatViolation)).toEqual([]);
  });
});

describe("what the vendor leaves open is not reported", () => {
  it("a v8 server that keeps unended sessions (no endTime) in an end-time filter's answer", async () => {
    let unendedKept = 0;
    const endFilter = /[?&]endTime(From|To)=([^&]*)/;
    // The server sees no end-time filter (only a date; a malformed value still reaches it to be refused)...
    const rewrite = (path: string) => {
      const m = endFilter.exec(path);
      return m && !Number.isNaN(Date.parse(decodeURIComponent(m[2]!))) ? path.replace(/([?&])endTime(From|To)=[^&]*&?/, "$1") : path;
    };
    // ...and the proxy filters by endTime itself, keeping the sessions that have none.
    const twist: Twist = (req, a) => {
      const m = endFilter.exec(req.url!);
      if (a.status !== 200 || !m || Number.isNaN(Date.parse(decodeURIComponent(m[2]!)))) return a;
      const bound = Date.parse(decodeURIComponent(m[2]!));
      return json(a, (b) => {
        b.results = (b.results as { endTime?: string | null }[]).filter((s) => {
          if (!s.endTime) return ++unendedKept > 0;
          return m[1] === "From" ? Date.parse(s.endTime) > bound : Date.parse(s.endTime) < bound;
        });
      });
    };
    // A server of its own: the runs above stopped the running sessions of the shared one.
    const own = await testkit({}, "testkit", "v8").start();
    const ownProxy = await startTwistProxy(own.target.baseUrl);
    let violations: Violation[];
    try {
      violations = await violationsThrough("v8", twist, rewrite, { upstream: own, proxy: ownProxy });
    } finally {
      await ownProxy.close();
      await own.close();
    }
    expect(unendedKept, "the data has running sessions for the twist to keep").toBeGreaterThan(0);
    expect(violations.map(formatViolation)).toEqual([]);
  });
});
