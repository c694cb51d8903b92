import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../src/args.js";
import { GROUPS } from "../src/report.js";

describe("parseArgs", () => {
  it("runs every group into results/latest.json by default", () => {
    expect(parseArgs([])).toEqual({ quick: false, out: "results/latest.json", groups: [...GROUPS] });
  });

  it("keeps a quick run out of the committed results", () => {
    expect(parseArgs(["--quick"]).out).toBe("results/quick.json");
    expect(parseArgs(["--", "--quick", "--out", "x.json"])).toMatchObject({ quick: true, out: "x.json" });
  });

  it("runs only the groups asked for", () => {
    expect(parseArgs(["--only", "bundle, overhead"]).groups).toEqual(["bundle", "overhead"]);
  });

  it("takes another size for the stream walk", () => {
    expect(parseArgs(["--sessions", "100_000", "--page-size", "1000"])).toMatchObject({ sessions: 100_000, pageSize: 1000 });
    expect(parseArgs([])).not.toHaveProperty("pageSize");
  });

  it("takes the archive group's sizes and rounds", () => {
    expect(parseArgs(["--archive-sync-sessions", "100000", "--archive-runs", "1"])).toMatchObject({
      archiveSyncSessions: 100_000,
      archiveRuns: 1,
    });
    expect(parseArgs([])).not.toHaveProperty("archiveRuns");
    expect(() => parseArgs(["--archive-runs", "0"])).toThrow('--archive-runs takes a whole number from 1 to 100; got "0"');
  });

  it("names the mistake in one line", () => {
    expect(() => parseArgs(["--page-size", "20000"])).toThrow('--page-size takes a whole number from 1 to 10,000; got "20000"');
    expect(() => parseArgs(["--sessions", "1.5"])).toThrow('--sessions takes a whole number from 1 to 1,000,000,000; got "1.5"');
    expect(() => parseArgs(["--fast"])).toThrow(new UsageError('unknown option "--fast"; run with --help for the options'));
    expect(() => parseArgs(["--only", "speed"])).toThrow(
      /--only takes groups among overhead, loopback, stream, bundle, pipeline, fleet, report, archive; got "speed"/,
    );
    expect(() => parseArgs(["--out"])).toThrow("--out needs a value");
    expect(() => parseArgs(["--out", "--quick"])).toThrow("--out needs a value");
  });
});
