// Exit codes. 0-3 belong to the Nagios plugin contract of `check`; every other failure
// uses a sysexits.h code so a script can tell "bad command line" from "server down"
// and neither can be mistaken for a check state.
export const EXIT = {
  ok: 0,
  /** `stop` answered "no" at the prompt. */
  declined: 1,
  usage: 64,
  /** The server does not know the session id (HTTP 404). */
  notFound: 66,
  /** Server unreachable, timed out, or answered with an error. */
  unavailable: 69,
  /** A bug in this tool. */
  internal: 70,
  /** --out could not be written. */
  ioError: 74,
  /** The server refused the credentials (HTTP 401/403). */
  noPermission: 77,
} as const;

export const CHECK_EXIT = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;
