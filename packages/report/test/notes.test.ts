// Where the data cannot answer, the report says so: notes from v6 data, gateway client
// hosts, organizations as initiators, missing sizes and times; and the filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { aggregateReport, type ReportInput } from "../src/index.js";
import { testkitInput } from "./testkit-input.js";

const generator = { tool: "test", version: "0.0.0", how: "test" };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ sessions: 60, seed: 4, now: "2026-11-30T00:00:00Z" });
});
afterAll(() => server?.close());

const codes = (notes: { code: string }[]) => notes.map((note) => note.code);

function session(fields: Partial<RestoreSession>, index = 0): RestoreSession {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    type: "Vex",
    state: "Stopped",
    result: "Success",
    creationTime: "2026-11-29T10:00:00Z",
    ...fields,
  };
}
function event(fields: Partial<RestoreSessionEvent>, order = 2): RestoreSessionEvent {
  return {
    id: `10000000-0000-4000-8000-${String(order).padStart(12, "0")}`,
    type: "Restore",
    status: "Success",
    message: "",
    startTime: "2026-11-29T10:01:00Z",
    order,
    itemSizeBytes: 10,
    source: "a@b.c\\Inbox",
    ...fields,
  };
}

describe("needs-v8", () => {
  it("v6 data (no object ids) gets the note naming the server", async () => {
    const report = await aggregateReport(testkitInput(server.data, "vbm-old", "v6"), { generator });
    const note = report.notes.find((candidate) => candidate.code === "needs-v8");
    expect(note?.text).toMatch(/^Needs REST API v8: vbm-old \(v6 or v7 \(read from the data\)\)/);
    expect(report.servers).toEqual([{ name: "vbm-old", apiVersion: "v6 or v7 (read from the data)", sessions: 60 }]);
    expect(report.topObjects.every((object) => object.id === null)).toBe(true);
  });

  it("v8 data has no such note and carries the object ids", async () => {
    const report = await aggregateReport(testkitInput(server.data, "vbm-new", "v8"), { generator });
    expect(codes(report.notes)).not.toContain("needs-v8");
    expect(report.servers[0]?.apiVersion).toBe("v8");
    expect(report.topObjects.every((object) => typeof object.id === "string")).toBe(true);
  });

  it("a version the caller knows wins over the data", async () => {
    const report = await aggregateReport(testkitInput(server.data, "default", "v8"), {
      generator,
      serverVersions: new Map([["default", "v7"]]),
    });
    expect(report.notes.find((note) => note.code === "needs-v8")?.text).toContain("default (v7)");
  });
});

describe("data-quality notes", () => {
  const input: ReportInput[] = [
    {
      server: "default",
      session: session(
        { initiatedBy: "contoso.onmicrosoft.com", organization: "contoso.onmicrosoft.com", clientHost: "srv0101 (via: 127.0.0.1)" },
        1,
      ),
      events: [event({}, 2), event({ itemSizeBytes: undefined }, 3)],
    },
    {
      server: "default",
      session: session({ initiatedBy: "CONTOSO\\jane", clientHost: "wks-1" }, 2),
      events: [event({ type: "None" }, 1), event({ startTime: "not a time", type: "Teleport" }, 2)],
    },
    { server: "default", session: session({ type: "Vxx" }, 3), events: [event({}, 2)] },
  ];

  it("counts each limit and says what it means", async () => {
    const report = await aggregateReport(input, { generator, serverVersions: new Map([["default", "v8"]]) });
    const byCode = new Map(report.notes.map((note) => [note.code, note]));
    expect([...byCode.keys()].sort()).toEqual(
      [
        "gateway-client-host",
        "initiator-is-organization",
        "no-initiator",
        "no-size",
        "no-time",
        "unknown-action-type",
        "unknown-service",
      ].sort(),
    );
    expect(byCode.get("gateway-client-host")).toMatchObject({ count: 2 });
    expect(byCode.get("initiator-is-organization")).toMatchObject({ count: 2 });
    expect(byCode.get("no-initiator")).toMatchObject({ count: 1 });
    expect(byCode.get("no-size")?.text).toMatch(/^1 of 4 actions have no item size/);
    expect(byCode.get("no-time")).toMatchObject({ count: 1 });
    expect(byCode.get("unknown-action-type")).toMatchObject({ count: 1 });
    expect(byCode.get("unknown-service")).toMatchObject({ count: 1 });
    expect(report.totals).toEqual({ sessions: 3, actions: 4, bytes: 30, actionsWithoutSize: 1 });
  });

  it("an empty selection says that nothing matched", async () => {
    const report = await aggregateReport(input, { generator, selection: { organizations: ["nobody"] } });
    expect(codes(report.notes)).toEqual(["no-actions"]);
    expect(report.totals.actions).toBe(0);
  });
});

describe("selection", () => {
  it("keeps only the chosen organizations, action types, services, servers and period", async () => {
    const all = [...testkitInput(server.data, "a"), ...testkitInput(server.data, "b")];
    const selection = {
      servers: ["b"],
      organizations: ["ABC.onmicrosoft.com"],
      actionTypes: ["Restore", "Save"],
      services: ["Vex", "Veod"],
      from: new Date("2026-11-29T00:00:00Z"),
      to: new Date("2026-11-29T20:00:00Z"),
    };
    const report = await aggregateReport(all, { generator, selection });
    let expected = 0;
    for (const { server: name, session: s, events } of all) {
      const started = Date.parse(s.creationTime);
      if (name !== "b" || s.organization !== "abc.onmicrosoft.com" || !["Vex", "Veod"].includes(s.type)) continue;
      if (started < selection.from.getTime() || started > selection.to.getTime()) continue;
      expected += events.filter((e) => e.type === "Restore" || e.type === "Save").length;
    }
    expect(expected).toBeGreaterThan(0);
    expect(report.totals.actions).toBe(expected);
    expect(report.servers.map((entry) => entry.name)).toEqual(["b"]);
  });
});
