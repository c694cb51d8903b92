// Runs the chosen benchmark groups in order and gathers one result set.
import type { BenchOptions } from "./args.js";
import { benchBundle, type BundleReport } from "./bundle.js";
import { describeEnvironment } from "./environment.js";
import { benchLoopback } from "./loopback.js";
import { benchOverhead } from "./overhead.js";
import { benchPipeline, skippedPipeline } from "./pipeline.js";
import { FULL, QUICK } from "./plans.js";
import { withRatios, type BenchResults, type Row } from "./report.js";
import { benchStream } from "./stream.js";
import { judgeTargets } from "./targets.js";

export async function runBench(options: BenchOptions, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const base = options.quick ? QUICK : FULL;
  const plans = {
    ...base,
    stream: { ...base.stream, sessions: options.sessions ?? base.stream.sessions, pageSize: options.pageSize ?? base.stream.pageSize },
  };
  const rows: Row[] = [];
  let bundle: BundleReport | undefined;
  for (const group of options.groups) {
    log(`running ${group}...`);
    if (group === "overhead") rows.push(...(await benchOverhead(plans.calls)));
    if (group === "loopback") rows.push(...(await benchLoopback(plans.calls)));
    if (group === "stream") rows.push(...(await benchStream(plans.stream)).rows);
    if (group === "bundle") rows.push(...(bundle = await benchBundle()).rows);
    if (group === "pipeline") rows.push(...(plans.pipeline ? benchPipeline() : skippedPipeline("skipped in --quick: a cold build takes minutes")));
  }
  const ratioed = withRatios(rows);
  return { environment: describeEnvironment(), quick: options.quick, rows: ratioed, targets: judgeTargets(ratioed, bundle?.ownCode) };
}
