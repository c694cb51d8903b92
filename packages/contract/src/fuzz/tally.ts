// What a fuzz run checked, counted per kind of check, and the warnings it found: values
// beyond a limit of this spec's own (x-vbm365-own-limit) that the server accepted, and
// answers in a form the spec lets through besides its format (x-vbm365-lenient-format). A
// warning is reported, never a failure: the vendor's documents do not make either wrong.
import { formatViolation, type Violation } from "../violations.js";
import type { FuzzRequest } from "./requests.js";

export interface Tally {
  /** Checks run, by kind (shrinking runs count too: each one judged an answer). */
  checks: Map<string, number>;
  /** Warnings by their line, with how often each was seen. */
  warnings: Map<string, number>;
  /** The line shown for a lenient form at one place (operation, field): the first value seen there. */
  lenientLines: Map<string, string>;
}

export function newTally(): Tally {
  return { checks: new Map(), warnings: new Map(), lenientLines: new Map() };
}

export function count(tally: Tally, kind: string): void {
  tally.checks.set(kind, (tally.checks.get(kind) ?? 0) + 1);
}

export function warn(tally: Tally, warning: Violation): void {
  let line = formatViolation(warning);
  // A token date differs in every answer: one line per field, counting the rest, instead
  // of one line per second the run lasted.
  if (warning.rule === "lenient-format") {
    const place = [warning.operationId, warning.pointer, warning.expected].join("\u0000");
    line = tally.lenientLines.get(place) ?? line;
    tally.lenientLines.set(place, line);
  }
  tally.warnings.set(line, (tally.warnings.get(line) ?? 0) + 1);
}

/** The kind of check one generated request is: what its answer is held to. */
export function requestKind(r: FuzzRequest): string {
  if (r.because === "valid") return "valid request: 2xx and the declared body";
  if (r.ownLimit) return "beyond a limit of our own: 4xx, or 2xx with a warning";
  if (r.auth === "none") return "no token: 401";
  if (r.auth === "bogus") return "token never issued: 401";
  if (r.expect === "404" || r.expect === "2xx or 404") return "unknown or crossed id: 404";
  if (r.form) return "broken token form: 4xx";
  return "value out of its documented schema: 4xx";
}

export function formatTally(tally: Tally): string[] {
  const lines = ["  checks run, per kind:"];
  for (const [kind, n] of [...tally.checks].sort(([a], [b]) => a.localeCompare(b))) lines.push(`    ${n} ${kind}`);
  if (tally.warnings.size === 0) {
    lines.push("  warnings: none");
    return lines;
  }
  lines.push(
    `  warnings (not failures: limits of this spec's own and forms it lets through, see x-vbm365-own-limit and x-vbm365-lenient-format in openapi/README.md): ${tally.warnings.size}`,
  );
  for (const [line, n] of tally.warnings) lines.push(`    warning: ${line}${n > 1 ? ` (seen ${n} times)` : ""}`);
  return lines;
}
