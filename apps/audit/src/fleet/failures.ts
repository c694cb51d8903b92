// Each server that did not answer, by name, with its reason and what to do; and the exit
// code of the whole run: 0 every server answered, 75 some did, else the failures' own code.
import { ConfigFileError, ServerDeadlineError, failureReason, fleetOutcome, type ServerResult } from "@vbm365/app-support";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { describeFailure } from "../failure.js";
import { terminalSafe } from "../sanitize.js";
import { scrub } from "../secrets.js";

/** Some servers answered, some did not: the rows printed are those of the ones that did (sysexits EX_TEMPFAIL). */
export const EXIT_SOME_SERVERS = 75;

// The single-server messages point at the VBM365_* variables; a configured server's
// settings live in the file, so the advice is turned towards it.
const FILE_HINTS: readonly [string, string][] = [
  ["check VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD", "check its token, or username and password, in the configuration file"],
  ["set VBM365_CA_FILE to", "set its caFile to"],
  ["check --url / VBM365_URL and that", "check its url in the configuration file and that"],
  ["check that --url / VBM365_URL is the server root", "check that its url in the configuration file is the server root"],
];

export interface ServerFailure {
  server: string;
  reason: string;
  /** One line: what went wrong and what to do. */
  message: string;
  exitCode: number;
}

export function serverFailure(result: ServerResult<unknown> & { ok: false }, ctx: CliContext): ServerFailure {
  const { error, server } = result;
  const reason = failureReason(error);
  let described: { message: string; exitCode: number };
  if (error instanceof ServerDeadlineError)
    described = { message: `${error.message}: check the server, or allow more with --server-timeout`, exitCode: EXIT.unavailable };
  else if (error instanceof ConfigFileError) described = { message: error.message, exitCode: EXIT.usage };
  else if (error instanceof UsageError) described = { message: error.message, exitCode: EXIT.usage };
  else described = describeFailure(error, server.baseUrl);
  const advised = FILE_HINTS.reduce((text, [env, file]) => text.replace(env, file), described.message);
  const message = scrub(terminalSafe(scrub(advised, ctx.secrets)), ctx.secrets);
  return { server: server.name, reason, message, exitCode: described.exitCode };
}

export function reportFailures(failures: readonly ServerFailure[], ctx: CliContext): void {
  for (const failure of failures) ctx.stderr.write(`vbm365-audit: server ${failure.server}: ${failure.reason}: ${failure.message}\n`);
}

export function fleetExitCode(results: readonly ServerResult<unknown>[], failures: readonly ServerFailure[]): number {
  const outcome = fleetOutcome(results);
  if (outcome === "all") return EXIT.ok;
  if (outcome === "some") return EXIT_SOME_SERVERS;
  const codes = new Set(failures.map((failure) => failure.exitCode));
  return codes.size === 1 ? [...codes][0]! : EXIT.unavailable;
}

export function failuresOf(results: readonly ServerResult<unknown>[], ctx: CliContext): ServerFailure[] {
  return results.flatMap((result) => (result.ok ? [] : [serverFailure(result, ctx)]));
}
