// What the server sent, checked before it is counted or printed. `check` must not answer OK
// for a page that holds no sessions at all (`{"results":"nope"}`), and a listing must not
// print a character of a string as if it were a session. Unknown enum values pass: a newer
// server may add them.
import type { RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";
import { CliError } from "./errors.js";
import { EXIT } from "./exit-codes.js";

type Fields = Record<string, unknown>;

function problemOf(value: unknown, strings: readonly string[], times: readonly string[]): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `an item is ${Array.isArray(value) ? "an array" : JSON.stringify(value) ?? typeof value}, not an object`;
  }
  const fields = value as Fields;
  const notText = strings.find((name) => typeof fields[name] !== "string");
  if (notText) return `'${notText}' is ${fields[notText] === undefined ? "missing" : `not text (${JSON.stringify(fields[notText])})`}`;
  const notTime = times.find((name) => !Number.isFinite(Date.parse(fields[name] as string)));
  if (notTime) return `'${notTime}' is not a date-time (${JSON.stringify(fields[notTime])})`;
  return undefined;
}

function malformed(what: string, problem: string): CliError {
  return new CliError(
    `the server's answer is not a valid ${what}: ${problem.slice(0, 200)}: check that --url / VBM365_URL points at the VBM365 REST API, not a proxy or another service`,
    EXIT.unavailable,
  );
}

export function checkedSession(value: unknown): RestoreSession {
  const problem = problemOf(value, ["id", "creationTime", "type", "state", "result"], ["creationTime"]);
  if (problem) throw malformed("restore session list", problem);
  return value as RestoreSession;
}

export function checkedEvent(value: unknown): RestoreSessionEvent {
  const problem = problemOf(value, ["id", "status", "startTime"], ["startTime"]);
  if (problem) throw malformed("restore session event list", problem);
  return value as RestoreSessionEvent;
}

const STATISTICS_COUNTS = ["totalItemsCount", "restoredItemsCount", "failedItemsCount", "skippedItemsCount"] as const;

/** v8 Statistics: the four counts must be whole numbers, or the report would print what is not there. */
export function checkedStatistics(value: unknown): RestoreStatistics {
  const fields = (typeof value === "object" && value !== null ? value : {}) as Fields;
  const bad = STATISTICS_COUNTS.find((name) => !Number.isSafeInteger(fields[name]));
  if (bad) throw malformed("restore session statistics", `'${bad}' is ${JSON.stringify(fields[bad]) ?? "missing"}, not a whole number`);
  return value as RestoreStatistics;
}

/** A page the client's walk refused for its shape (no `results` array), or tripped over (a TypeError in older clients). */
function isPageShapeError(error: unknown): error is Error {
  const { name, reason } = error as { name?: unknown; reason?: unknown };
  return (name === "Vbm365WalkError" && reason === "shape") || (error instanceof TypeError && name === "TypeError");
}

/** Items of a walk, each checked; a page of the wrong shape is the same failure as a wrong item. */
export async function* checkedItems<T>(items: AsyncIterable<unknown>, check: (value: unknown) => T, what: string): AsyncGenerator<T> {
  try {
    for await (const item of items) yield check(item);
  } catch (error) {
    if (isPageShapeError(error)) throw malformed(what, error.message);
    throw error;
  }
}
