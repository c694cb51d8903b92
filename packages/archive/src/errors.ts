// Every failure of the archive itself becomes one line that names what failed and what to do.
import type { ArchiveLocation } from "./setting.js";

export type ArchiveErrorKind =
  /** The database cannot be reached or opened (missing file, server down, no such database). */
  | "unavailable"
  /** The database refused the login. */
  | "login"
  /** Not an archive: not SQLite, damaged, or tables that are not ours. */
  | "corrupt"
  /** Written by a newer release. */
  | "newer"
  /** Another program holds a lock, or another sync runs. */
  | "busy"
  /** The disk (or the database's quota) is full. */
  | "full"
  /** The archive has nothing for the request (no tables yet, unknown session). */
  | "empty";

export class ArchiveError extends Error {
  override name = "ArchiveError";
  constructor(
    message: string,
    readonly kind: ArchiveErrorKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : "";
}

/** Turns a driver's error into an ArchiveError; an ArchiveError passes through unchanged. */
export function describeDatabaseError(error: unknown, location: ArchiveLocation): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = codeOf(error);
  const where = location.kind === "sqlite" ? `the archive file ${location.label}` : `the PostgreSQL archive ${location.label}`;
  const fail = (message: string, kind: ArchiveErrorKind) => new ArchiveError(message, kind, { cause: error });
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return fail(
      `${where} is not an SQLite database or is damaged: point --archive / VBM365_ARCHIVE at the right file, or move this one away to start a new archive`,
      "corrupt",
    );
  }
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return fail(`${where} is locked by another program: close it (or wait for it to finish) and try again`, "busy");
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100") {
    return fail(`${where}: the disk is full: free some space and run the sync again (what is archived is kept)`, "full");
  }
  if (
    code.startsWith("SQLITE_CANTOPEN") ||
    code.startsWith("SQLITE_READONLY") ||
    code.startsWith("SQLITE_IOERR") ||
    code === "SQLITE_PERM"
  ) {
    return fail(`cannot open or write ${where} (${code}): check the path and its permissions`, "unavailable");
  }
  if (code === "28P01" || code === "28000") {
    return fail(
      `${where} refused the login (${code === "28P01" ? "wrong password" : "not allowed"}): check the user and password in the URL`,
      "login",
    );
  }
  if (code === "3D000") return fail(`${where}: the database does not exist: create it (createdb) or fix the URL`, "unavailable");
  if (
    ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH", "EAI_AGAIN", "ENOENT", "57P01", "57P03"].includes(code) ||
    code.startsWith("08")
  ) {
    return fail(`cannot reach ${where} (${code}): check that PostgreSQL is running and the URL's host and port`, "unavailable");
  }
  if (code === "42P01" || code === "42703" || /no such (table|column)/i.test((error as Error)?.message ?? "")) {
    return fail(`${where} does not have the archive's tables: it is not a vbm365 archive, or a damaged one`, "corrupt");
  }
  const message = error instanceof Error ? error.message : String(error);
  return fail(`${where}: ${message.split("\n")[0]}`, "unavailable");
}
