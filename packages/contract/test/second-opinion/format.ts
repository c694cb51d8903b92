// How the second-opinion server writes and reads what the facts leave open: instants
// (sessions in UTC with the trailing zeros of the fraction dropped, as System.Text.Json
// writes a DateTime; events at a +02:00 offset with all seven digits), date-time query
// values (full ISO 8601, any offset, any number of fractional digits, calendar checked),
// and page links built from the request's own query as it arrived.

import { formatIsoTicks, isoTicks, parseIsoDateTime } from "@vbm365/client";

/** Ticks as UTC ISO 8601 with the fraction's trailing zeros dropped (none at all on a whole second). */
export function utcTrimmed(ticks: bigint): string {
  return formatIsoTicks(ticks).replace(/\.?0+Z$/, "Z");
}

/** Ticks at a fixed offset east of UTC, with seven fractional digits. */
export function atOffset(ticks: bigint, minutes: number): string {
  return formatIsoTicks(ticks, 7, minutes);
}

const TICKS_PER_DAY = 864_000_000_000n;

/**
 * A date-time query value as ticks (read by the client's ISO 8601 module, in the lenient
 * form people type; no zone is UTC), or undefined when it is not one. Digits past the
 * seventh are dropped rather than refused (nothing in the vendor's documents bounds them); a
 * date the calendar does not have (February 30) is refused unless `checkCalendar` is off,
 * when it rolls over into the next month as a lax parser's does.
 */
export function parseInstant(text: string, checkCalendar = true): bigint | undefined {
  const fields = parseIsoDateTime(text, "typed");
  if (fields?.hasTime) return isoTicks(fields);
  if (fields || checkCalendar) return undefined;
  // Read with day 28, which every month has, then moved on by the days past it (up to the 31st).
  const day = Number(text.slice(8, 10));
  const on28 = day > 28 && day <= 31 ? parseIsoDateTime(`${text.slice(0, 8)}28${text.slice(10)}`, "typed") : undefined;
  return on28?.hasTime ? isoTicks(on28) + BigInt(day - 28) * TICKS_PER_DAY : undefined;
}

/**
 * A page link: the lower-cased path, `limit` and `offset` first, then every other
 * parameter of the request exactly as it arrived (a filter as the client encoded it, a
 * parameter the spec does not name), as a server that copies its query into links does.
 */
export function pageLink(path: string, rawQuery: string, offset: number, limit: number): { href: string } {
  const kept = rawQuery.split("&").filter((pair) => pair !== "" && !/^(offset|limit)(=|$)/i.test(pair));
  return { href: `${path.toLowerCase()}?${[`limit=${limit}`, `offset=${offset}`, ...kept].join("&")}` };
}
