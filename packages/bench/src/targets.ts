// The issue's targets, judged from the measured rows.
import { AXIOS, OPENAPI_FETCH, OURS } from "./contenders.js";
import type { BundleReport } from "./bundle.js";
import type { Row, TargetResult } from "./report.js";
import { CLIENT_WALK, HAND_WALK } from "./stream.js";

/** Issue 10's budget for the client's own code, min+gzip, in size-limit's bytes (4 kB = 4000). */
export const ISSUE_BUNDLE_BUDGET = 4000;

function medianOf(rows: Row[], group: Row["group"], name: string): number | null {
  return rows.find((row) => row.group === group && row.name === name)?.median ?? null;
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function judge(id: string, description: string, actual: number | null, comparison: "<=" | ">=", limit: number, unit: string): TargetResult {
  const met = actual === null ? null : comparison === "<=" ? actual <= limit : actual >= limit;
  return { id, description, actual, comparison, limit, unit, met };
}

export function judgeTargets(rows: Row[], bundle: BundleReport["ownCode"] | undefined): TargetResult[] {
  const ours = medianOf(rows, "overhead", OURS);
  const bare = medianOf(rows, "overhead", OPENAPI_FETCH);
  const axios = medianOf(rows, "overhead", AXIOS);
  return [
    judge("overhead-vs-openapi-fetch", "call overhead: ours / bare openapi-fetch", ratio(ours, bare), "<=", 1.15, "x"),
    judge("overhead-vs-axios", "call overhead: axios / ours (how much faster)", ratio(axios, ours), ">=", 1.3, "x"),
    judge("stream-peak-rss", "walk: peak RSS of the client walker", medianOf(rows, "stream", `${CLIENT_WALK}: peak RSS`), "<=", 150, "MB"),
    judge(
      "stream-throughput",
      "walk: client throughput / hand loop",
      ratio(medianOf(rows, "stream", `${CLIENT_WALK}: throughput`), medianOf(rows, "stream", `${HAND_WALK}: throughput`)),
      ">=",
      0.8,
      "x",
    ),
    // The issue's 4 kB, not the client's configured limit: a raised limit must not turn the target green.
    judge("bundle-own-code", "bundle: client's own code, min+gzip", bundle?.gzip ?? null, "<=", ISSUE_BUNDLE_BUDGET, "bytes"),
  ];
}
