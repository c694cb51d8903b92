// What a fleet run amounts to: every server answered, some did, or none did. Commands turn
// it into their exit code, so a script can tell a partial listing from a complete one.
import type { ServerResult } from "./run.js";

export type FleetOutcome = "all" | "some" | "none";

export function fleetOutcome(results: readonly ServerResult<unknown>[]): FleetOutcome {
  const answered = results.filter((result) => result.ok).length;
  if (answered === results.length) return "all";
  return answered === 0 ? "none" : "some";
}
