import { describe, expect, it } from "vitest";
import { AXIOS, OPENAPI_FETCH, OURS } from "../src/contenders.js";
import type { Row } from "../src/report.js";
import { CLIENT_WALK, HAND_WALK } from "../src/stream.js";
import { judgeTargets } from "../src/targets.js";

function row(group: Row["group"], name: string, median: number | null): Row {
  return { group, name, median, unit: "" };
}

const measured: Row[] = [
  row("overhead", OURS, 110),
  row("overhead", OPENAPI_FETCH, 100),
  row("overhead", AXIOS, 132),
  row("stream", `${CLIENT_WALK}: peak RSS`, 151),
  row("stream", `${CLIENT_WALK}: throughput`, 80),
  row("stream", `${HAND_WALK}: throughput`, 100),
];

describe("judgeTargets", () => {
  const byId = (rows: Row[], bundle?: { gzip: number; name: string }) =>
    Object.fromEntries(judgeTargets(rows, bundle).map((target) => [target.id, target]));

  it("compares each measurement with its limit in the right direction", () => {
    const targets = byId(measured, { gzip: 4001, name: "own" });
    expect(targets["overhead-vs-openapi-fetch"]).toMatchObject({ actual: 1.1, met: true });
    expect(targets["overhead-vs-axios"]!.actual).toBeCloseTo(1.2);
    expect(targets["overhead-vs-axios"]!.met).toBe(false);
    expect(targets["stream-peak-rss"]).toMatchObject({ actual: 151, met: false });
    expect(targets["stream-throughput"]).toMatchObject({ actual: 0.8, met: true });
    expect(targets["bundle-own-code"]).toMatchObject({ actual: 4001, limit: 4000, met: false });
  });

  it("counts a measurement exactly at its limit as met", () => {
    expect(byId(measured, { gzip: 4000, name: "own" })["bundle-own-code"]!.met).toBe(true);
  });

  it("holds the issue's 4 kB even when the client's config allows more", () => {
    expect(byId(measured, { gzip: 4146, name: "own" })["bundle-own-code"]).toMatchObject({ actual: 4146, limit: 4000, met: false });
  });

  it("says skipped, not met or failed, when a group did not run", () => {
    const targets = judgeTargets([], undefined);
    expect(targets).toHaveLength(5);
    for (const target of targets) expect(target).toMatchObject({ actual: null, met: null });
  });
});
