// Checks a caller's input before any request, so a typo fails at once with a message
// naming the parameter and the value instead of a server 400 (or, worse, a silent empty walk).
import { Vbm365ValidationError } from "./errors.js";
import { OFFSET, PAGE_SIZE, UUID_PATTERN } from "./generated/limits.js";
import type { DateInput, RestoreSessionFilter, RestoreSessionPageQuery } from "./types.js";

// Date-only, or date and time with a zone. A time without a zone would be read in the
// caller's local zone, which is rarely what a UTC API call means: refuse it. At most 7
// fractional digits (100 ns): the server answers 400 to more.
const ISO = /^\d{4}-\d{2}-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$/i;

export function checkUuid(parameter: string, value: unknown): string {
  if (typeof value !== "string" || !UUID_PATTERN.test(value)) {
    throw new Vbm365ValidationError(parameter, value, "is not a uuid");
  }
  return value;
}

// `number` as typed; JavaScript callers may pass anything, which the check refuses too.
export const checkLimit = (parameter: string, value: number) => checkWhole(parameter, value, PAGE_SIZE.min, PAGE_SIZE.max);

/** A whole number from 1 up, or Infinity (no bound), else a Vbm365ValidationError naming the parameter. */
export const checkPositive = (parameter: string, value: number) =>
  value === Infinity ? value : checkWhole(parameter, value, 1, Number.MAX_SAFE_INTEGER);

/** A whole number from `min` to `max`, else a Vbm365ValidationError naming the parameter. */
export function checkWhole(parameter: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Vbm365ValidationError(parameter, value, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A `Date` or zoned ISO string as a UTC ISO string, keeping the string's sub-millisecond digits (.NET sends seven). */
export function toUtcIso(parameter: string, value: DateInput): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Vbm365ValidationError(parameter, value, "is not a valid Date");
    return value.toISOString();
  }
  const text = String(value);
  const match = ISO.exec(text);
  const time = Date.parse(text);
  // Date.parse moves 2024-02-30 on to March 1: the day must come back as written.
  const dayAsWritten = match !== null && new Date(text.slice(0, 10)).getUTCDate() === Number(match[1]);
  if (!match || !dayAsWritten || Number.isNaN(time)) {
    throw new Vbm365ValidationError(parameter, value, "is not a Date or an ISO-8601 date with a zone, like 2024-05-01T00:00:00Z (at most 7 fractional digits)");
  }
  const iso = new Date(time).toISOString();
  const fraction = match[4];
  return fraction && fraction.length > 4 ? iso.replace(/\.\d{3}Z$/, `${fraction}Z`) : iso;
}

/** The spec's query from a caller's filter: dates in UTC ISO, the window and numbers checked. */
export function toSessionQuery(filter: RestoreSessionFilter): RestoreSessionPageQuery {
  const query: RestoreSessionPageQuery = {};
  for (const key of ["startTimeFrom", "startTimeTo"] as const) {
    if (filter[key] !== undefined) query[key] = toUtcIso(key, filter[key]);
  }
  if (query.startTimeFrom && query.startTimeTo && Date.parse(query.startTimeFrom) > Date.parse(query.startTimeTo)) {
    throw new Vbm365ValidationError(
      "startTimeFrom",
      filter.startTimeFrom,
      `is after startTimeTo (${String(filter.startTimeTo)})`,
    );
  }
  if (filter.offset !== undefined) query.offset = checkWhole("offset", filter.offset, OFFSET.min, OFFSET.max);
  if (filter.limit !== undefined) query.limit = checkLimit("limit", filter.limit);
  return query;
}
