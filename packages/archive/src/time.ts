// Times as sortable text: UTC with seven fractional digits (the server's 100 ns), so text
// order is time order on SQLite and PostgreSQL alike, and no digit the server sent is lost.
// Read with the client's one ISO 8601 reader.
import { formatIsoTicks, isoTicks, parseIsoDateTime } from "@vbm365/client";

/** `2026-11-27T18:55:20.8557416+03:00` -> `2026-11-27T15:55:20.8557416Z`; undefined when unreadable. */
export function utcKey(text: string): string | undefined {
  const fields = parseIsoDateTime(text);
  if (fields === undefined || !fields.hasTime) return undefined;
  return formatIsoTicks(isoTicks(fields), 7);
}

/** A window bound: a Date (whole ms) or an ISO text (every digit kept). */
export function boundKey(bound: Date | string): string {
  const key = typeof bound === "string" ? utcKey(bound) : utcKey(bound.toISOString());
  if (key === undefined) throw new RangeError(`not an ISO 8601 date-time: ${String(bound)}`);
  return key;
}
