// Other spellings a schema accepts besides its declared format, listed in its
// `x-vbm365-lenient-format` (see openapi/README.md): the vendor declares `format: date-time`
// for the token's `.issued`/`.expires`, yet servers of this kind write HTTP dates there, and
// the facts tell clients to parse them leniently. A value in a listed form is a warning,
// not a violation; a value in no form at all still fails.
import type { JsonSchema } from "./spec.js";

const dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// RFC 1123 section 5.2.14 (RFC 822 with a four-digit year): an optional day name, the date,
// the time with optional seconds and a zone; .NET's "R" format writes
// `Tue, 22 Feb 2022 15:40:00 GMT`.
const rfc1123Pattern =
  /^(?:(Sun|Mon|Tue|Wed|Thu|Fri|Sat), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|UTC|Z|[+-]\d{4})$/;

/** An RFC 1123 date the calendar has, with a day name (when given) that matches it. */
export function isRfc1123Date(text: string): boolean {
  const m = rfc1123Pattern.exec(text);
  if (!m) return false;
  const [, dayName, day, month, year, hour, minute, second = "0", zone] = m;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (/^[+-]/.test(zone!) && (Number(zone!.slice(1, 3)) > 23 || Number(zone!.slice(3)) > 59)) return false;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), monthNames.indexOf(month!), Number(day));
  if (date.getUTCDate() !== Number(day)) return false; // 30 Feb rolls over into March
  return dayName === undefined || dayNames[date.getUTCDay()] === dayName;
}

/** The forms a marker may name, each with its test and how a report describes it. */
export const lenientForms: Record<string, { describe: string; matches(text: string): boolean }> = {
  rfc1123: { describe: "an RFC 1123 date", matches: isRfc1123Date },
};

/**
 * The form of `x-vbm365-lenient-format` on `schema` that `value` is written in, or
 * undefined when the schema lists none or the value is in none of them (a form the suite
 * does not know never matches).
 */
export function lenientFormOf(schema: JsonSchema | undefined, value: unknown): string | undefined {
  const listed = schema?.["x-vbm365-lenient-format"];
  if (!Array.isArray(listed) || typeof value !== "string") return undefined;
  return listed.find((form): form is string => typeof form === "string" && lenientForms[form]?.matches(value) === true);
}
