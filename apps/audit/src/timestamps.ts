// The server's times come with `Z` or with its local offset (`+03:00`, event times) and up to
// seven fractional digits (.NET's 100 ns ticks). Sorted as text they are out of time order;
// the `...Utc` columns hold the same instants as UTC with exactly seven digits, which sort.
import { formatIsoTicks, isoTicks, parseIsoDateTime } from "@vbm365/client";

/**
 * `2026-11-27T18:55:20.8557416+03:00` -> `2026-11-27T15:55:20.8557416Z`. A time without an
 * offset is taken as UTC (the API documents its times as UTC). Null when there is no time or
 * it cannot be read; the server's own column still has it as sent.
 */
export function utcTimestamp(text: string | null | undefined): string | null {
  const fields = text ? parseIsoDateTime(text.trim(), "typed") : undefined;
  // More than 7 fractional digits is not a time this API writes.
  if (!fields?.hasTime || fields.fraction.length > 7) return null;
  return formatIsoTicks(isoTicks(fields, fields.offsetMinutes ?? 0));
}
