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

const FORMS: Record<IsoForm, RegExp> = {
  api: /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:\d\d)?$/i,
  typed: /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i,
};

/** 100-nanosecond ticks in a millisecond: the API's finest unit. */
export const TICKS_PER_MS = 10_000n;

/**
 * `text` as the fields of an ISO 8601 date or date-time, or undefined when it is not one or
 * names a day or time that does not exist (2024-02-30, 24:00, 12:60, an offset past 23:59).
 */
export function parseIsoDateTime(text: string, form: IsoForm = "api"): IsoDateTime | undefined {
  const match = FORMS[form].exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const zone = match[8]?.toUpperCase();
  // `+03`, `+0330` and `+03:30` alike: hours, then minutes (none is 00).
  const offset = zone?.slice(1).replace(":", "").padEnd(4, "0") ?? "0000";
  const fields: IsoDateTime = {
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction: match[7] ?? "",
    offsetMinutes: zone === undefined ? undefined : (zone.startsWith("-") ? -1 : 1) * (Number(offset.slice(0, 2)) * 60 + Number(offset.slice(2))),
    hasTime: match[4] !== undefined,
  };
  // A Date rolls 2024-02-30 over to March and 24:00 to the next day: the fields must come back as written.
  const date = new Date(wallClockMs(fields));
  const back = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  const asWritten = back.every((value, index) => value === [year, month, day, hour, minute, second][index]);
  return asWritten && Number(offset.slice(0, 2)) < 24 && Number(offset.slice(2)) < 60 ? fields : undefined;
}

/** The time the fields write, read as UTC, in whole milliseconds since 1970. */
function wallClockMs(fields: IsoDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  return date.setUTCHours(fields.hour, fields.minute, fields.second);
}

/**
 * The instant `fields` names, in ticks since 1970-01-01 UTC (negative before): at the text's
 * own offset, else at `offsetMinutes` (default 0, UTC). Fraction digits past the seventh are dropped.
 */
export function isoTicks(fields: IsoDateTime, offsetMinutes = fields.offsetMinutes ?? 0): bigint {
  const atOffset = wallClockMs(fields) - Math.round(offsetMinutes * 60_000);
  return BigInt(atOffset) * TICKS_PER_MS + BigInt(fields.fraction.slice(0, 7).padEnd(7, "0"));
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
