// Where the archive lives: one SQLite file by default, or a PostgreSQL database named by a
// postgres:// URL. The same text comes from --archive or VBM365_ARCHIVE.

export const DEFAULT_ARCHIVE_FILE = "./vbm365-archive.db";

export type ArchiveLocation = { kind: "sqlite"; file: string; label: string } | { kind: "postgres"; url: string; label: string };

/** Reads an archive setting; empty or missing means the default SQLite file. */
export function archiveLocation(setting: string | undefined): ArchiveLocation {
  const text = setting?.trim() ?? "";
  if (text === "") return { kind: "sqlite", file: DEFAULT_ARCHIVE_FILE, label: DEFAULT_ARCHIVE_FILE };
  if (/^postgres(ql)?:\/\//i.test(text)) return { kind: "postgres", url: text, label: redactPassword(text) };
  return { kind: "sqlite", file: text, label: text };
}

/** The URL with its password left out, for messages: a login secret never reaches a terminal or log. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "the PostgreSQL URL (unreadable, so not shown)";
  }
}
