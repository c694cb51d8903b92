// The server's times come with `Z` or with its local offset (`+03:00`, event times) and up to
// seven fractional digits (.NET's 100 ns ticks). Sorted as text they are out of time order;
// the `...Utc` columns hold the same instants as UTC with exactly seven digits, which sort.

const SERVER_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,7}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * `2026-11-27T18:55:20.8557416+03:00` -> `2026-11-27T15:55:20.8557416Z`. A time without an
 * offset is taken as UTC (the API documents its times as UTC). Null when there is no time or
 * it cannot be read; the server's own column still has it as sent.
 */
export function utcTimestamp(text: string | null | undefined): string | null {
  const match = text ? SERVER_TIME.exec(text.trim()) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction = "", offset = "Z"] = match;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.toUpperCase() === "Z" ? "0000" : offset.slice(1).replace(":", "");
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  if (!Number.isFinite(seconds)) return null;
  // Whole seconds through Date, the fraction as digits: a Date would cut it to milliseconds.
  return `${new Date(seconds).toISOString().slice(0, 19)}.${fraction.padEnd(7, "0")}Z`;
}
