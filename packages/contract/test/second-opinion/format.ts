// How the second-opinion server writes and reads what the facts leave open: instants
// (sessions in UTC with the trailing zeros of the fraction dropped, as System.Text.Json
// writes a DateTime; events at a +02:00 offset with all seven digits), date-time query
// values (full ISO 8601, any offset, any number of fractional digits, calendar checked),
// and page links built from the request's own query as it arrived.

/** Ticks as UTC ISO 8601 with the fraction's trailing zeros dropped (none at all on a whole second). */
export function utcTrimmed(ticks: bigint): string {
  const ms = Number(ticks / 10_000n);
  const text = new Date(ms).toISOString().slice(0, 19);
  const fraction = String(ticks % 10_000_000n).padStart(7, "0").replace(/0+$/, "");
  return `${text}${fraction ? `.${fraction}` : ""}Z`;
}

/** Ticks at a fixed offset east of UTC, with seven fractional digits. */
export function atOffset(ticks: bigint, minutes: number): string {
  const local = ticks + BigInt(minutes) * 600_000_000n;
  const text = new Date(Number(local / 10_000n)).toISOString().slice(0, 19);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${text}.${String(local % 10_000_000n).padStart(7, "0")}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const isoInstant = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * A date-time query value as ticks, or undefined when it is not one. Digits past the
 * seventh are dropped rather than refused (nothing in the vendor's documents bounds them);
 * a date the calendar does not have (February 30) or a clock time past 23:59:59 is refused.
 */
export function parseInstant(text: string, checkCalendar = true): bigint | undefined {
  const m = isoInstant.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || (checkCalendar && day > daysInMonth) || day > 31) return undefined;
  const zone = m[8] ?? "Z";
  const offset = /^z$/i.test(zone) ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(":", "").slice(3, 5)));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return BigInt(ms) * 10_000n + BigInt((m[7] ?? "").slice(0, 7).padEnd(7, "0"));
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
