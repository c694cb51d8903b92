// Times as sortable text: UTC with seven fractional digits (the server's 100 ns), so text
// order is time order on SQLite and PostgreSQL alike, and no digit the server sent is lost.

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?(Z|[+-]\d\d:\d\d)?$/i;

/** `2026-11-27T18:55:20.8557416+03:00` -> `2026-11-27T15:55:20.8557416Z`; undefined when unreadable. */
export function utcKey(text: string): string | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, seconds, fraction = "", zone = "Z"] = match;
  const ms = Date.parse(`${seconds}${zone.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction.padEnd(7, "0")}Z`;
}

/** A window bound: a Date (whole ms) or an ISO text (every digit kept). */
export function boundKey(bound: Date | string): string {
  const key = typeof bound === "string" ? utcKey(bound) : utcKey(bound.toISOString());
  if (key === undefined) throw new RangeError(`not an ISO 8601 date-time: ${String(bound)}`);
  return key;
}
