// Runs the chosen benchmark groups in order and gathers one result set.
import type { BenchOptions } from "./args.js";
import { benchArchive } from "./archive.js";
import { benchBundle, type BundleReport } from "./bundle.js";
import { describeEnvironment } from "./environment.js";
import { benchLoopback } from "./loopback.js";
import { benchFleet } from "./fleet.js";
import { benchOverhead } from "./overhead.js";
import { benchPipeline, skippedPipeline } from "./pipeline.js";
import { FULL, QUICK } from "./plans.js";
import { benchReport } from "./report-bench.js";
import { withRatios, type BenchResults, type Group, type Row } from "./report.js";
import { benchStream } from "./stream.js";
import { judgeTargets } from "./targets.js";

export async function runBench(options: BenchOptions, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const base = options.quick ? QUICK : FULL;
  const plans = {
    ...base,
    stream: { ...base.stream, sessions: options.sessions ?? base.stream.sessions, pageSize: options.pageSize ?? base.stream.pageSize },
    archive: {
      ...base.archive,
      syncSessions: options.archiveSyncSessions ?? base.archive.syncSessions,
      querySessions: options.archiveQuerySessions ?? base.archive.querySessions,
      runs: options.archiveRuns ?? base.archive.runs,
    },
  };
  const rows: Row[] = [];
  const failures: string[] = [];
  let bundle: BundleReport | undefined;
  const measure = async (group: Group): Promise<Row[]> => {
    if (group === "overhead") return benchOverhead(plans.calls);
    if (group === "loopback") return benchLoopback(plans.calls);
    if (group === "stream") return (await benchStream(plans.stream)).rows;
    if (group === "bundle") {
      bundle = await benchBundle();
      return bundle.rows;
    }
    if (group === "fleet") return benchFleet(plans.fleet);
    if (group === "report") return benchReport(plans.report);
    if (group === "archive") return benchArchive(plans.archive);
    return plans.pipeline ? benchPipeline() : skippedPipeline("skipped in --quick: a cold build takes minutes");
  };
  for (const group of options.groups) {
    log(`running ${group}...`);
    // One group failing (say, a sibling package mid-change breaks the cold build) must not
    // throw away the minutes of measurements the other groups took.
    try {
      rows.push(...(await measure(group)));
    } catch (error) {
      const message = `${group}: ${(error as Error).message}`;
      failures.push(message);
      rows.push({ group, name: "(failed)", median: null, unit: "", note: message });
    }
  }
  const ratioed = withRatios(rows);
  return {
    environment: describeEnvironment(),
    quick: options.quick,
    rows: ratioed,
    targets: judgeTargets(ratioed, bundle?.ownCode),
    failures,
  };
}
