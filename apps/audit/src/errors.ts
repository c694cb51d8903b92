import { EXIT } from "./exit-codes.js";

/** A mistake on the command line: one line for the user, exit 64. */
export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode = EXIT.usage;
  constructor(
    message: string,
    /** The command whose --help to point at. */
    public command?: string,
  ) {
    super(message);
  }
}

/** A failure the user can act on (server down, bad credentials, unknown id). */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
