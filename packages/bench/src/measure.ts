// Times async calls with tinybench. Each round runs every task once in turn, starting
// with a different task each round, so no contender always gets the warm (or cold) slot;
// the reported value is the median over rounds of each round's median latency.
import { Bench } from "tinybench";

export interface TimingPlan {
  rounds: number;
  /** Milliseconds of measuring per task and round (tinybench `time`). */
  timeMs: number;
  warmupMs: number;
  /** At least this many calls per task and round. */
  minCalls: number;
}

export interface Timing {
  medianMs: number;
  calls: number;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timeTasks(tasks: Record<string, () => Promise<unknown>>, plan: TimingPlan): Promise<Map<string, Timing>> {
  const names = Object.keys(tasks);
  const perRound = new Map(names.map((name) => [name, [] as number[]]));
  const calls = new Map(names.map((name) => [name, 0]));
  for (let round = 0; round < plan.rounds; round++) {
    const bench = new Bench({ time: plan.timeMs, warmupTime: plan.warmupMs, iterations: plan.minCalls, throws: true });
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) bench.add(name, tasks[name]!);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== "completed") throw new Error(`benchmark "${task.name}" ended ${result.state}`);
      perRound.get(task.name)!.push(result.latency.p50);
      calls.set(task.name, calls.get(task.name)! + result.latency.samplesCount);
    }
  }
  return new Map(names.map((name) => [name, { medianMs: median(perRound.get(name)!), calls: calls.get(name)! }]));
}
