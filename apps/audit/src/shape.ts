// What the server sent, checked against the spec's description of it (app-support's
// answerProblem, from the client's generated facts) before it is counted or printed. `check`
// must not answer OK for a page that holds no sessions at all (`{"results":"nope"}`), and a
// listing must not print a character of a string as if it were a session. Unknown enum
// values pass: a newer server may add them.
import { answerProblem, type AnswerProblem } from "@vbm365/app-support";
import { Vbm365WalkError, type RestoreSession, type RestoreSessionEvent, type RestoreStatistics } from "@vbm365/client";
import { CliError } from "./errors.js";
import { EXIT } from "./exit-codes.js";

function malformed(what: string, problem: string): CliError {
  return new CliError(
    `the server's answer is not a valid ${what}: ${problem.slice(0, 200)}: check that --url / VBM365_URL points at the VBM365 REST API, not a proxy or another service`,
    EXIT.unavailable,
  );
}

function said(problem: AnswerProblem): string {
  return problem.field === undefined
    ? `an item is ${problem.found}, not ${problem.expected}`
    : `'${problem.field}' is ${problem.found}, not ${problem.expected}`;
}

export function checkedSession(value: unknown): RestoreSession {
  const problem = answerProblem(value, "RestoreSession");
  if (problem) throw malformed("restore session list", said(problem));
  return value as RestoreSession;
}

export function checkedEvent(value: unknown): RestoreSessionEvent {
  const problem = answerProblem(value, "RestoreSessionEvent");
  if (problem) throw malformed("restore session event list", said(problem));
  return value as RestoreSessionEvent;
}

/** v8 Statistics: the counts must be whole numbers, or the report would print what is not there. */
export function checkedStatistics(value: unknown): RestoreStatistics {
  const problem = answerProblem(value, "RestoreStatistics");
  if (problem) throw malformed("restore session statistics", said(problem));
  return value as RestoreStatistics;
}

/** Items of a walk, each checked; a page the client's walk refused for its shape is the same failure as a wrong item. */
export async function* checkedItems<T>(items: AsyncIterable<unknown>, check: (value: unknown) => T, what: string): AsyncGenerator<T> {
  try {
    for await (const item of items) yield check(item);
  } catch (error) {
    if (error instanceof Vbm365WalkError && error.reason === "shape") throw malformed(what, error.message);
    throw error;
  }
}
