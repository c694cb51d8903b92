// --type, --result, --state and --initiated-by. The API filters by start time only, so
// these apply to each session as it streams past.
import type { RestoreSession } from "@vbm365/client";
import { UsageError } from "./errors.js";

// A Map, not an object literal: `--type constructor` must be unknown, not Object's constructor.
const TYPE_ALIASES = new Map<string, RestoreSession["type"]>([
  ["vex", "Vex"],
  ["exchange", "Vex"],
  ["veod", "Veod"],
  ["onedrive", "Veod"],
  ["vesp", "Vesp"],
  ["sharepoint", "Vesp"],
  ["vet", "Vet"],
  ["teams", "Vet"],
]);
const RESULTS = ["Success", "Warning", "Failed"] as const satisfies readonly RestoreSession["result"][];
// Older servers also report Starting and Stopping (see the spec's RestoreSessionState).
const STATES = ["Working", "Stopped", "Starting", "Stopping"] as const;

export interface SessionFilterOptions {
  type?: string[];
  result?: string[];
  state?: string[];
  initiatedBy?: string;
}

/** Accepts repeated flags and comma lists: `--type exchange,teams` or `--type Vex --type Vet`. */
function splitList(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

function pick<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const found = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(`${flag} '${value}' is not known: use one of ${allowed.join(", ")}`);
  return found;
}

export function buildSessionFilter(options: SessionFilterOptions): (session: RestoreSession) => boolean {
  const types = new Set(
    splitList(options.type).map((value) => {
      const type = TYPE_ALIASES.get(value.toLowerCase());
      if (!type)
        throw new UsageError(`--type '${value}' is not known: use Vex (exchange), Veod (onedrive), Vesp (sharepoint) or Vet (teams)`);
      return type;
    }),
  );
  const results = new Set(splitList(options.result).map((value) => pick(value, RESULTS, "--result")));
  const states = new Set(splitList(options.state).map((value) => pick(value, STATES, "--state")));
  const initiatedBy = options.initiatedBy?.toLowerCase();

  return (session) =>
    (types.size === 0 || types.has(session.type)) &&
    (results.size === 0 || (results as Set<string>).has(session.result)) &&
    (states.size === 0 || (states as Set<string>).has(session.state)) &&
    (initiatedBy === undefined || (session.initiatedBy ?? "").toLowerCase().includes(initiatedBy));
}
