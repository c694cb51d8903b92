// What the fuzz runner runs: a named fast-check property per kind of check, or the reason
// it cannot run against this target. A failing run throws a FuzzFailure naming the
// violations, which fast-check shrinks to the smallest request or sequence showing them.
import fc from "fast-check";
import type { ContractContext } from "../context.js";
import { collapse, formatViolation, type Violation } from "../violations.js";
import type { Pool } from "./pool.js";
import type { Tally } from "./tally.js";

export interface FuzzProperty {
  name: string;
  /** One line for the report: what every run checks. */
  title: string;
  /** Why it cannot run against this target; the property is absent then. */
  skipped?: string;
  /** Parts of the property this target cannot answer, each with the reason (Prism: 404s, tokens). */
  notChecked?: string[];
  check?: Runner;
  /**
   * false when fast-check's path cannot replay a counterexample alone (command sequences
   * keep a replay path of their own): the seed replays it, with the runs before it.
   */
  replayByPath?: boolean;
}

/** Runs the property with fast-check's parameters (seed, runs, time limit, replay path). */
export type Runner = (parameters: Parameters) => Promise<fc.RunDetails<unknown>>;
export type Parameters = Pick<fc.Parameters<unknown>, "seed" | "numRuns" | "interruptAfterTimeLimit" | "path" | "endOnFailure">;

/** The property behind a Runner, its argument types erased once they are checked. */
export function runner<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncPropertyWithHooks<Ts>): Runner {
  return async (parameters) => (await fc.check(property, parameters as fc.Parameters<Ts>)) as fc.RunDetails<unknown>;
}

/** Builds a property; its runs count their checks and warnings in `tally`. */
export type PropertyBuilder = (ctx: ContractContext, pool: Pool, tally: Tally) => FuzzProperty;

export class FuzzFailure extends Error {
  readonly violations: Violation[];
  constructor(violations: Violation[]) {
    // One line per kind of violation: the same one in every item of a page is folded.
    const folded = collapse(violations);
    super(folded.map(formatViolation).join("\n"));
    this.violations = folded;
  }
}

/** Throws when there is anything to report, so fast-check counts the run as failed. */
export function failOn(violations: Violation[]): void {
  if (violations.length > 0) throw new FuzzFailure(violations);
}
