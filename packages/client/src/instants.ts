// ISO 8601 dates and date-times, read once for every part of vbm365: the client's date
// filters, the fake server, the contract suite and both apps. The API writes up to seven
// fractional digits (.NET's 100 ns ticks), more than a `Date` holds, so instants are counted
// in ticks (a bigint) wherever the digits must survive.

/** The fields of an ISO 8601 date or date-time, as written; every field checked to exist on the calendar. */
export interface IsoDateTime {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to the month's last day. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The fractional-second digits as written (`""` when none): as many as the text has. */
  fraction: string;
  /** Minutes east of UTC (`Z` is 0); undefined when the text has no zone, and the reader decides whose time it is. */
  offsetMinutes: number | undefined;
  /** False for a date alone (`2024-05-01`). */
  hasTime: boolean;
}

/**
 * Which spellings are read. `"api"`: the API's own form, `2024-05-01T08:00:00.1234567+02:00`
 * (a `T`, a `.` before the fraction, `Z` or `±hh:mm`). `"typed"`: also what people type, a
 * space for the `T`, a `,` for the `.`, offsets as `±hh` or `±hhmm`, spaces before the zone.
 */
export type IsoForm = "api" | "typed";

/** 100-nanosecond ticks in a millisecond: the API's finest unit. */
export const TICKS_PER_MS = 10_000n;

// The grammar of each form; the groups are the fields. Read from the match without a
// `Date` round trip or intermediate arrays: a report reads a million dates this way.
const FORMS: Record<IsoForm, RegExp> = {
  api: /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:\d\d)?$/i,
  typed: /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i,
};

/**
 * `text` as the fields of an ISO 8601 date or date-time, or undefined when it is not one or
 * names a day or time that does not exist (2024-02-30, 24:00, 12:60, an offset past 23:59).
 */
export function parseIsoDateTime(text: string, form: IsoForm = "api"): IsoDateTime | undefined {
  const match = FORMS[form].exec(text);
  if (!match) return undefined;
  const zone = match[8];
  const fields: IsoDateTime = {
    year: digitsValue(match[1]),
    month: digitsValue(match[2]),
    day: digitsValue(match[3]),
    hour: digitsValue(match[4]),
    minute: digitsValue(match[5]),
    second: digitsValue(match[6]),
    fraction: match[7] ?? "",
    offsetMinutes: zone === undefined ? undefined : zoneMinutes(zone),
    hasTime: match[4] !== undefined,
  };
  return existsOnTheCalendar(fields) ? fields : undefined;
}

/** The number the ASCII digits write (0 for none), read directly: `Number` would first try every other way to write a number. */
function digitsValue(digits = ""): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
}

/** `Z`, `±hh:mm`, `±hhmm` or `±hh` as minutes east of UTC; NaN past 23:59. */
function zoneMinutes(zone: string): number {
  if (zone.length === 1) return 0;
  const hours = digitsValue(zone.slice(1, 3));
  const minutes = digitsValue(zone.slice(3).replace(":", ""));
  return hours > 23 || minutes > 59 ? NaN : (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function existsOnTheCalendar({ year, month, day, hour, minute, second, offsetMinutes }: IsoDateTime): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60 && !Number.isNaN(offsetMinutes);
}

// On the proleptic Gregorian calendar `Date` counts on (the year 0 is a leap year). A month
// outside 1 to 12 has no entry, so no day of it exists.
const DAYS_IN_MONTH: readonly (number | undefined)[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The first `digits` fractional digits as a count of that unit: `"85"` is 850 ms at 3, 8,500,000 ticks at 7. */
function fractionUnits(fraction: string, digits: number): number {
  let units = 0;
  for (let i = 0; i < digits; i++) units = units * 10 + (i < fraction.length ? fraction.charCodeAt(i) - 48 : 0);
  return units;
}

// The Gregorian calendar repeats every 400 years (146,097 days). Date.UTC reads the years
// 0 to 99 as 1900 to 1999, so every year is counted 400 years later and moved back.
const MS_PER_400_YEARS = 146_097 * 86_400_000;

/** The time the fields write, read as UTC, in whole milliseconds since 1970. */
function wallClockMs({ year, month, day, hour, minute, second }: IsoDateTime): number {
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - MS_PER_400_YEARS;
}

/**
 * The instant `fields` names, in ticks since 1970-01-01 UTC (negative before): at the text's
 * own offset, else at `offsetMinutes` (default 0, UTC). Fraction digits past the seventh are dropped.
 */
export function isoTicks(fields: IsoDateTime, offsetMinutes = fields.offsetMinutes ?? 0): bigint {
  const atOffset = wallClockMs(fields) - Math.round(offsetMinutes * 60_000);
  return BigInt(atOffset) * TICKS_PER_MS + BigInt(fractionUnits(fields.fraction, 7));
}

/**
 * The same instant as `isoTicks`, in whole milliseconds (digits past the third dropped, so
 * it is at or just before the instant, as `Date.parse` counts): a number, for code that
 * reads many dates and needs no finer unit than a `Date` holds.
 */
export function isoMs(fields: IsoDateTime, offsetMinutes = fields.offsetMinutes ?? 0): number {
  return wallClockMs(fields) - Math.round(offsetMinutes * 60_000) + fractionUnits(fields.fraction, 3);
}

/**
 * `ticks` as ISO 8601 with `digits` fractional digits (0 to 7; digits past them are cut, so
 * the text is at or just before the instant): UTC with `Z`, or local time at `offsetMinutes`
 * east of UTC written `±hh:mm`.
 */
export function formatIsoTicks(ticks: bigint, digits = 7, offsetMinutes?: number): string {
  const local = ticks + BigInt(offsetMinutes ?? 0) * 60_000n * TICKS_PER_MS;
  const subMs = ((local % TICKS_PER_MS) + TICKS_PER_MS) % TICKS_PER_MS;
  const text = new Date(Number((local - subMs) / TICKS_PER_MS)).toISOString(); // 2022-03-12T15:55:20.855Z
  const fraction = `${text.slice(20, 23)}${String(subMs).padStart(4, "0")}`.slice(0, digits);
  const abs = Math.abs(offsetMinutes ?? 0);
  const two = (n: number) => String(n).padStart(2, "0");
  const zone = offsetMinutes === undefined ? "Z" : `${offsetMinutes < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  return `${text.slice(0, 19)}${digits > 0 ? `.${fraction}` : ""}${zone}`;
}
