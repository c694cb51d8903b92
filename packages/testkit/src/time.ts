// Instants are BigInt counts of 100 ns ticks since the Unix epoch: the vendor writes
// seven fractional digits (.NET ticks), more than a JS Date holds, and filters must
// compare at that precision for a value to round-trip exactly.
import { formatIsoTicks, isoTicks, parseIsoDateTime, TICKS_PER_MS } from "@vbm365/client";

export type Ticks = bigint;

export { TICKS_PER_MS };
export const TICKS_PER_SECOND = 10_000_000n;

/**
 * Parses an ISO 8601 date-time (`2022-03-12T15:55:20.8557416Z`, an offset such as
 * `+03:00`, or a date alone) to ticks with the client's one parser; a value without a zone
 * is UTC, as on the vendor's server. Returns undefined for anything else, and for what the
 * vendor's .NET binder refuses: a year 0, more than 7 fractional digits, an offset past 14 hours.
 */
export function parseInstant(text: string): Ticks | undefined {
  const fields = parseIsoDateTime(text);
  if (!fields || fields.year < 1 || fields.fraction.length > 7 || Math.abs(fields.offsetMinutes ?? 0) >= 15 * 60) return undefined;
  return isoTicks(fields);
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
  return formatIsoTicks(ticks);
}

/** `2022-02-22T18:40:25.161+03:00`: local time at a fixed offset, milliseconds only (`Z` at offset 0). */
export function formatOffsetTicks(ticks: Ticks, offsetMinutes: number): string {
  return formatIsoTicks(ticks, 3, offsetMinutes === 0 ? undefined : offsetMinutes);
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
