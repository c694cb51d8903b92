// The `archive:` setting: where a restore archive lives, a SQLite file or a PostgreSQL URL.
// Only read and checked here; the archive command uses it.
import { isAbsolute } from "node:path";
import type { Located } from "./yaml-reader.js";
import { configError } from "./errors.js";

export type ArchiveSetting = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

export function parseArchive(text: Located<string>, resolvePath: (path: string) => string): ArchiveSetting {
  const { value, place } = text;
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw configError(place, "is not a valid postgres:// URL: use postgres://user@host:5432/database");
    }
    // The file holds no secrets: libpq's own PGPASSWORD or ~/.pgpass supply the password.
    if (url.password)
      throw configError(place, "a password in the archive URL is refused: drop it from the URL and set PGPASSWORD or use ~/.pgpass");
    if (!url.hostname || url.pathname.length <= 1)
      throw configError(place, "needs a host and a database: postgres://user@host:5432/database");
    return { kind: "postgres", url: value };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw configError(place, "must be a SQLite file path or a postgres:// URL");
  return { kind: "sqlite", path: isAbsolute(value) ? value : resolvePath(value) };
}
