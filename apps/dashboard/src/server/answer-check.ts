// Checks what VBM365 sends before the dashboard counts or shows it, against the spec's own
// description of each answer (app-support's answerProblem). A page such as
// `{"results":"nope"}` must be an error on the page, not an empty or odd table.
import { answerProblem } from "@vbm365/app-support";
import type { AnswerSchema } from "@vbm365/client/facts";
import type { RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";

export class UnexpectedAnswer extends Error {
  override name = "UnexpectedAnswer";
}

export function checkSession(value: unknown): RestoreSession {
  checkAnswer("restore session", value, "RestoreSession");
  return value as RestoreSession;
}

export function checkEvent(value: unknown): RestoreSessionEvent {
  checkAnswer("session event", value, "RestoreSessionEvent");
  return value as RestoreSessionEvent;
}

export function checkStatistics(value: unknown): RestoreStatistics {
  checkAnswer("statistics answer", value, "RestoreStatistics");
  return value as RestoreStatistics;
}

// The problem says what was there without repeating it: server data is not echoed into messages.
function checkAnswer(what: string, value: unknown, schema: AnswerSchema): void {
  const problem = answerProblem(value, schema);
  if (!problem) return;
  if (problem.field === undefined) throw new UnexpectedAnswer(`The VBM365 server sent an answer that is not a ${what} (${problem.found}).`);
  throw new UnexpectedAnswer(`The VBM365 server sent a ${what} whose "${problem.field}" is ${problem.found}, not ${problem.expected}.`);
}
