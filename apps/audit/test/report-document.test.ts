// `report --html FILE`, `--format html` and `--format aggregates` on the built CLI against
// testkit servers: the numbers equal a count made here from the server's data, every action
// is in the CSV beside the HTML, a v6-only server gets the needs-v8 note, bad flags are refused.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { tokenEnv, type TestServer } from "./testkit-server.js";

let v8: TestServer;
let v6: TestServer;
let folder: string;
beforeAll(async () => {
  [v8, v6] = await Promise.all([
    startTestServer({ sessions: 250, seed: 11, now: "2026-11-30T00:00:00Z" }),
    startTestServer({ sessions: 80, seed: 11, now: "2026-11-30T00:00:00Z", versions: ["v6"] }),
  ]);
  folder = mkdtempSync(join(tmpdir(), "vbm365-audit-report-"));
});
afterAll(async () => {
  await Promise.all([v8?.close(), v6?.close()]);
  rmSync(folder, { recursive: true, force: true });
});

/** Actions (non-None events) of every session, counted from the server's data. */
function countActions(server: TestServer, keep: (type: string) => boolean = () => true) {
  let actions = 0;
  let bytes = 0;
  for (const id of server.data.sessionIds()) {
    for (const event of server.data.events(server.data.indexOf(id))) {
      if (!event.type || event.type === "None" || !keep(event.type)) continue;
      actions++;
      bytes += event.itemSizeBytes ?? 0;
    }
  }
  return { actions, bytes };
}

/**
 * The count before and after a run: a Working session shows new items as the testkit's clock
 * moves on, so the run must lie between the two (equal unless an item started meanwhile).
 */
async function countAround<T>(server: TestServer, run: () => Promise<T>, keep?: (type: string) => boolean) {
  const before = countActions(server, keep);
  const result = await run();
  const after = countActions(server, keep);
  return { result, before, after };
}

function expectBetween(value: number, before: number, after: number, what: string) {
  expect(value, what).toBeGreaterThanOrEqual(before);
  expect(value, what).toBeLessThanOrEqual(after);
}

interface Aggregates {
  totals: { sessions: number; actions: number; bytes: number };
  servers: { name: string; apiVersion: string }[];
  notes: { code: string; text: string }[];
  byActionType: { name: string; actions: number }[];
  actions: { total: number; shown: number };
}

describe("report document", () => {
  test("--format aggregates: the totals equal the server's data", async () => {
    const { result, before, after } = await countAround(v8, () =>
      runCli(["report", "--all", "--format", "aggregates"], { env: tokenEnv(v8) }),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Aggregates;
    expect(report.totals.sessions).toBe(250);
    expectBetween(report.totals.actions, before.actions, after.actions, "actions");
    expectBetween(report.totals.bytes, before.bytes, after.bytes, "bytes");
    expect(report.servers).toEqual([{ name: "default", apiVersion: "v8", sessions: 250 }]);
    expect(report.notes.map((note) => note.code)).not.toContain("needs-v8");
  });

  test("--html FILE writes the report and every action to FILE.actions.csv, and says so", async () => {
    const path = join(folder, "restores.html");
    const { result, before, after } = await countAround(v8, () => runCli(["report", "--all", "--html", path], { env: tokenEnv(v8) }));
    expect(result.code).toBe(0);
    // Exact numbers need a quiet clock; in the rare run where an item started meanwhile, retry.
    expect(after.actions, "an item started during the run: run the test again").toBe(before.actions);
    const { actions, bytes } = after;
    expect(lines(result.stderr)).toEqual([
      `vbm365-audit: wrote the report of ${actions} restore actions to ${path} (html) and all ${actions} actions to ${join(folder, "restores.actions.csv")}`,
    ]);
    const html = readFileSync(path, "utf8");
    expect(html).toContain(`<li id="total-actions"><strong><data value="${actions}">`);
    expect(html).toContain(`<data value="${bytes}">`);
    expect(html).toContain(`The first 1,000 of ${actions.toLocaleString("en-US")} actions. Every action is in restores.actions.csv`);
    const csv = readFileSync(join(folder, "restores.actions.csv"), "utf8").trimEnd().split("\r\n");
    expect(csv[0]).toBe(
      "time,timeUtc,server,organization,initiatedBy,clientHost,itemName,itemType,action,service,itemSizeBytes,source,target,status,sessionId,sessionName,eventId",
    );
    expect(csv).toHaveLength(actions + 1);
    expect(readdirSync(folder).filter((name) => name.includes(".partial-"))).toEqual([]);
  });

  test("--action narrows the actions; --format html goes to stdout", async () => {
    const keep = (type: string) => type === "Export" || type === "Send";
    const { result, before, after } = await countAround(
      v8,
      () => runCli(["report", "--all", "--format", "html", "--action", "export,send"], { env: tokenEnv(v8) }),
      keep,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    const shown = Number(/<li id="total-actions"><strong><data value="(\d+)">/.exec(result.stdout)?.[1]);
    expectBetween(shown, before.actions, after.actions, "actions");
    expect(shown).toBeLessThan(countActions(v8).actions);
  });

  test("a v6-only server's report says what needs v8", async () => {
    const result = await runCli(["report", "--all", "--format", "aggregates"], { env: tokenEnv(v6) });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Aggregates;
    expect(report.servers).toEqual([{ name: "default", apiVersion: "v6", sessions: 80 }]);
    expect(report.notes.find((note) => note.code === "needs-v8")?.text).toMatch(/^Needs REST API v8: default \(v6\)/);
  });

  test.each([
    [["--html", "x.html", "--format", "csv"], /--html writes HTML, and --format asks for csv: drop one of them/],
    [["--html", "x.html", "--out", "y.html"], /--html FILE and --out FILE both name the output: keep one/],
    [["--format", "html", "--action", "Teleport"], /--action 'Teleport' is not known: use Restore, Export, Send, Save, View/],
    [["--format", "csv", "--organization", "contoso"], /--organization applies to the report document only/],
    [["--format", "aggregates", "--csv-raw"], /--csv-raw applies to the CSV written beside an HTML report file/],
  ])("refuses %j with one line (exit 64)", async (args, message) => {
    const result = await runCli(["report", "--all", ...args], { env: tokenEnv(v8) });
    expect(result.code).toBe(64);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
