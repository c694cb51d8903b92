// How much each benchmark measures: the full run that goes into docs/benchmarks.md, and
// the --quick run that only proves in CI that every benchmark still works.
import type { TimingPlan } from "./measure.js";
import { PAGE_SIZE } from "@vbm365/client";
import type { ReportPlan } from "./report-bench.js";
import type { StreamPlan } from "./stream.js";

export interface Plans {
  calls: TimingPlan;
  stream: StreamPlan;
  pipeline: boolean;
  report: ReportPlan;
}

export const FULL: Plans = {
  calls: { rounds: 5, timeMs: 1000, warmupMs: 250, minCalls: 200 },
  // The walk: a million sessions in pages of the largest size the API allows.
  stream: { sessions: 1_000_000, pageSize: PAGE_SIZE.max, runs: 3 },
  pipeline: true,
  // A report over 100,000 sessions and a million events.
  report: { sessions: 100_000, eventsPerSession: 10, runs: 3 },
};

export const QUICK: Plans = {
  calls: { rounds: 1, timeMs: 20, warmupMs: 5, minCalls: 10 },
  stream: { sessions: 1_000, pageSize: 250, runs: 1 },
  pipeline: false,
  report: { sessions: 1_000, eventsPerSession: 10, runs: 1 },
};
