// How much each benchmark measures: the full run that goes into docs/benchmarks.md, and
// the --quick run that only proves in CI that every benchmark still works.
import type { TimingPlan } from "./measure.js";
import { PAGE_SIZE } from "@vbm365/client";
import type { ReportPlan } from "./report-bench.js";
import type { ArchivePlan } from "./archive.js";
import type { StreamPlan } from "./stream.js";
import type { FleetPlan } from "./fleet.js";

export interface Plans {
  calls: TimingPlan;
  stream: StreamPlan;
  pipeline: boolean;
  fleet: FleetPlan;
  report: ReportPlan;
  archive: ArchivePlan;
}

export const FULL: Plans = {
  calls: { rounds: 5, timeMs: 1000, warmupMs: 250, minCalls: 200 },
  // The target walk: a million sessions in pages of the largest size the API allows.
  stream: { sessions: 1_000_000, pageSize: PAGE_SIZE.max, runs: 3 },
  pipeline: true,
  // A fleet of twenty servers of 10,000 sessions, asked all at once.
  fleet: { servers: 20, sessionsPerServer: 10_000, serverProcesses: 4, runs: 3, latencyMs: 100 },
  // A report over 100,000 sessions and a million events.
  report: { sessions: 100_000, eventsPerSession: 10, runs: 3 },
  // The sizes: a sync of 100,000 sessions, window reads over 1,000,000.
  archive: { syncSessions: 100_000, querySessions: 1_000_000, queries: 50, runs: 3 },
};

export const QUICK: Plans = {
  calls: { rounds: 1, timeMs: 20, warmupMs: 5, minCalls: 10 },
  stream: { sessions: 1_000, pageSize: 250, runs: 1 },
  pipeline: false,
  fleet: { servers: 3, sessionsPerServer: 500, serverProcesses: 1, runs: 1, latencyMs: 0 },
  report: { sessions: 1_000, eventsPerSession: 10, runs: 1 },
  archive: { syncSessions: 200, querySessions: 5_000, queries: 5, runs: 1 },
};
