// Turns any failure into one line a user can act on, and an exit code: app-support's one
// classification, worded for a terminal.
import { classifyError, SettingsError, type Problem } from "@vbm365/app-support";
import { CliError, UsageError } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import { redactUrl } from "./connection.js";
import { terminalSafe } from "./sanitize.js";

export interface Failure {
  message: string;
  exitCode: number;
}

export function describeFailure(error: unknown, server: string | undefined): Failure {
  if (error instanceof UsageError || error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  // A bad setting or flag: the message already names it and the fix.
  if (error instanceof SettingsError) return { message: error.message, exitCode: EXIT.usage };
  return describeProblem(classifyError(error), server ? redactUrl(server) : "the server");
}

function describeProblem(problem: Problem, where: string): Failure {
  switch (problem.kind) {
    case "input":
      // The client checks ids and windows before sending: a user mistake, not a server failure.
      return { exitCode: EXIT.usage, message: `${problem.detail}: check the value and try again` };
    case "walkStopped":
      // A repeated page, a page without results, an offset the server ignores, or the walk's bound.
      return {
        exitCode: EXIT.unavailable,
        message: `${where}: ${problem.detail}: check that the server pages correctly, or narrow the window`,
      };
    case "credentials":
      return {
        exitCode: EXIT.noPermission,
        message: `${where} refused the credentials (HTTP ${problem.status}${said(problem.serverMessage)}): check VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD`,
      };
    case "noSuchSession":
      return {
        exitCode: EXIT.notFound,
        message: `${where} has no such restore session (HTTP 404${said(problem.serverMessage)}): check the id with 'vbm365-audit sessions'`,
      };
    case "versionNotServed":
      // Only changing the command line helps, as for a version pinned on a server without it.
      return {
        exitCode: EXIT.usage,
        message: `${where} does not serve this REST API version (${problem.path} answered HTTP 404): check --url / VBM365_URL, or use --api-version auto`,
      };
    case "rateLimited":
      return { exitCode: EXIT.unavailable, message: `${where} is rate-limiting requests (HTTP 429): wait a minute and try again` };
    case "rejected":
      return {
        exitCode: EXIT.unavailable,
        message: `${where} rejected the request (HTTP 400${said(problem.serverMessage)}): check the options, or run with --debug`,
      };
    case "serverError":
      return {
        exitCode: EXIT.unavailable,
        message: `${where} answered HTTP ${problem.status}${said(problem.serverMessage)}: try again later, or check the server's health`,
      };
    case "badAnswer":
      // The client's own reason (a redirect, a body that is not JSON or too large) after the status.
      return { exitCode: EXIT.unavailable, message: `${where}: ${problem.detail}` };
    case "untrusted":
      return {
        exitCode: EXIT.unavailable,
        message: `cannot trust the certificate of ${where} (${problem.code}): set VBM365_CA_FILE to the PEM of the CA that signed it`,
      };
    case "unreachable":
      return {
        exitCode: EXIT.unavailable,
        message: `cannot reach ${where}: ${problem.detail}: check --url / VBM365_URL and that the server is running`,
      };
    case "timeout":
      return { exitCode: EXIT.unavailable, message: `${where} did not answer in time: check the server, or try again` };
    case "outputClosed":
      return { exitCode: EXIT.ok, message: "" };
    case "unexpected":
      return { exitCode: EXIT.internal, message: `unexpected error: ${problem.detail} (run with --debug for details)` };
  }
}

/** The server's own words, on one line: they may carry terminal escapes or line breaks. */
function said(serverMessage: string | undefined): string {
  return serverMessage ? `: ${terminalSafe(serverMessage)}` : "";
}
