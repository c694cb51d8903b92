// A fuzz run: read ids from the target once, then run each property with one seed, the
// runs and the time shared out, and collect what fast-check found (the shrunk
// counterexample, the seed and the path that replay it).
import fc from "fast-check";
import { createContext } from "../context.js";
import type { OpenApiDocument } from "../spec.js";
import type { Target } from "../target.js";
import type { FuzzOptions } from "./options.js";
import { discoverPool } from "./pool.js";
import { FuzzFailure, type PropertyBuilder } from "./property.js";
import { pagingProperty } from "./property-paging.js";
import { requestsProperty } from "./property-requests.js";
import { sequencesProperty } from "./property-sequences.js";
import { newTally, type Tally } from "./tally.js";

export interface FuzzFinding {
  /** The shrunk input, as one line per argument. */
  counterexample: string;
  /** The violations (or the error) of the shrunk input. */
  error: string;
  path: string;
  shrinks: number;
}

export interface FuzzResult {
  name: string;
  title: string;
  skipped?: string;
  notChecked: string[];
  runs: number;
  /** Runs discarded as inconclusive (the server answered 429). */
  discarded: number;
  ms: number;
  /** The time share ran out before the runs did. */
  interrupted: boolean;
  /** The failure replays with --path (else with the seed alone). */
  replayByPath: boolean;
  failure?: FuzzFinding;
}

export interface FuzzReport {
  target: string;
  /** The version whose bundle the requests came from, and why that one (pinned or probed). */
  apiVersion: string;
  versionReason: string;
  seed: number;
  options: FuzzOptions;
  results: FuzzResult[];
  /** Checks run per kind, and the warnings (limits of our own a server went past, lenient forms it wrote). */
  tally: Tally;
}

const builders: PropertyBuilder[] = [requestsProperty, pagingProperty, sequencesProperty];

function finding(details: fc.RunDetails<unknown>): FuzzFinding | undefined {
  if (!details.failed) return undefined;
  const error =
    details.errorInstance instanceof FuzzFailure
      ? details.errorInstance.message
      : String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance);
  const args = (details.counterexample ?? []) as unknown[];
  const counterexample = args.map((arg) => fc.stringify(arg)).join("\n");
  return { counterexample, error, path: details.counterexamplePath ?? "", shrinks: details.numShrinks };
}

export async function runFuzz(doc: OpenApiDocument, target: Target, options: FuzzOptions): Promise<FuzzReport> {
  const deadline = Date.now() + options.maxTimeMs;
  const ctx = createContext(doc, target);
  const pool = await discoverPool(ctx);
  const results: FuzzResult[] = [];
  const tally = newTally();
  const properties = builders.map((build) => build(ctx, pool, tally));
  for (const [index, prop] of properties.entries()) {
    const base = {
      name: prop.name,
      title: prop.title,
      notChecked: prop.notChecked ?? [],
      replayByPath: prop.replayByPath ?? true,
      runs: 0,
      discarded: 0,
      ms: 0,
      interrupted: false,
    };
    if (options.property && prop.name !== options.property) {
      results.push({ ...base, skipped: `only --property ${options.property} was asked for` });
      continue;
    }
    if (!prop.check) {
      results.push({ ...base, skipped: prop.skipped });
      continue;
    }
    // What is left of the time, shared by the properties still to run.
    const share = Math.max(1, Math.floor((deadline - Date.now()) / (properties.length - index)));
    const started = Date.now();
    const details = await prop.check({
      seed: options.seed,
      numRuns: options.runs,
      interruptAfterTimeLimit: share,
      path: options.path,
      endOnFailure: false,
    });
    results.push({
      ...base,
      runs: details.numRuns,
      discarded: details.numSkips,
      ms: Date.now() - started,
      interrupted: details.interrupted,
      failure: finding(details),
    });
  }
  const versionReason = options.specPath
    ? `${target.versionReason}; requests generated from --spec ${options.specPath}`
    : target.versionReason;
  return { target: target.name, apiVersion: target.apiVersion, versionReason, seed: options.seed, options, results, tally };
}
