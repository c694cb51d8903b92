// Instants are BigInt counts of 100 ns ticks since the Unix epoch: the vendor writes
// seven fractional digits (.NET ticks), more than a JS Date holds, and filters must
// compare at that precision for a value to round-trip exactly.

export type Ticks = bigint;

export const TICKS_PER_MS = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * Parses an ISO 8601 date-time (`2022-03-12T15:55:20.8557416Z`, an offset such as
 * `+03:00`, or a date alone) to ticks; a value without a zone is UTC, as on the vendor's
 * server. Returns undefined for anything else.
 */
export function parseInstant(text: string): Ticks | undefined {
  const m = ISO_PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[9]) {
    const [offsetHours, offsetMins] = [Number(m[10]), Number(m[11])];
    if (offsetHours > 14 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const fraction = BigInt((m[7] ?? "").padEnd(7, "0"));
  const ms = utcMs(year, month, day, hour, minute, second) - offsetMinutes * 60_000;
  return BigInt(ms) * TICKS_PER_MS + fraction;
}

/** Ticks from a Date or an ISO string; throws a one-line error naming the value otherwise. */
export function toTicks(value: Date | string, what: string): Ticks {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`${what} is an invalid Date`);
    return BigInt(value.getTime()) * TICKS_PER_MS;
  }
  const ticks = parseInstant(value);
  if (ticks === undefined) throw new Error(`${what} "${value}" is not an ISO 8601 date-time`);
  return ticks;
}

/** `2022-02-22T15:51:15.1754625Z`: UTC with seven fractional digits, as the vendor writes. */
export function formatUtcTicks(ticks: Ticks): string {
  const ms = ticks / TICKS_PER_MS;
  const subMs = ticks % TICKS_PER_MS;
  const iso = new Date(Number(ms)).toISOString();
  return `${iso.slice(0, 23)}${subMs.toString().padStart(4, "0")}Z`;
}

/** `2022-02-22T18:40:25.161+03:00`: local time at a fixed offset, milliseconds only. */
export function formatOffsetTicks(ticks: Ticks, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(Number(ticks / TICKS_PER_MS)).toISOString();
  const shifted = new Date(Number(ticks / TICKS_PER_MS) + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return shifted.slice(0, 23) + zone;
}

/** A .NET TimeSpan as the vendor prints it: `00:00:07.4150000`, or `00:00:00` when whole. */
export function formatTimeSpan(ticks: Ticks): string {
  const totalSeconds = ticks / TICKS_PER_SECOND;
  const fraction = ticks % TICKS_PER_SECOND;
  const hours = totalSeconds / 3600n;
  const minutes = (totalSeconds % 3600n) / 60n;
  const seconds = totalSeconds % 60n;
  const two = (n: bigint) => n.toString().padStart(2, "0");
  const whole = `${two(hours)}:${two(minutes)}:${two(seconds)}`;
  return fraction === 0n ? whole : `${whole}.${fraction.toString().padStart(7, "0")}`;
}

/** `1/29/2022 10:29:05 AM`, the US format the vendor puts into session names. */
export function formatUsDateTime(ticks: Ticks): string {
  const d = new Date(Number(ticks / TICKS_PER_MS));
  const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const pad = (n: number) => String(n).padStart(2, "0");
  const ampm = d.getUTCHours() < 12 ? "AM" : "PM";
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${ampm}`;
}
