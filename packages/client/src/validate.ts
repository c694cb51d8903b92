// Checks a caller's input before any request, so a typo fails at once with a message
// naming the parameter and the value instead of a server 400 (or, worse, a silent empty walk).
import { Vbm365ValidationError } from "./errors.js";
import { OFFSET, PAGE_SIZE, UUID_PATTERN } from "./generated/limits.js";
import { formatIsoTicks, isoTicks, parseIsoDateTime } from "./instants.js";
import type { DateInput, RestoreSessionFilter, RestoreSessionPageQueryV8, RestoreSessionV8Filter } from "./types.js";

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
  // Date-only, or date and time with a zone. A time without a zone would be read in the
  // caller's local zone, which is rarely what a UTC API call means: refuse it. At most 7
  // fractional digits (100 ns): the server answers 400 to more.
  const fields = parseIsoDateTime(String(value));
  if (!fields || fields.hasTime !== (fields.offsetMinutes !== undefined) || fields.fraction.length > 7) {
    throw new Vbm365ValidationError(
      parameter,
      value,
      "is not a Date or an ISO-8601 date with a zone, like 2024-05-01T00:00:00Z (at most 7 fractional digits)",
    );
  }
  return formatIsoTicks(isoTicks(fields), Math.max(3, fields.fraction.length));
}

/** Filters only v8 servers know: an older server would ignore them and answer unfiltered. */
export const V8_ONLY_FILTERS = ["endTimeFrom", "endTimeTo", "orderBy", "orderAsc"] as const;

/** The first v8-only filter `filter` sets, if any. */
export function v8FilterIn(filter: RestoreSessionFilter & RestoreSessionV8Filter): (typeof V8_ONLY_FILTERS)[number] | undefined {
  return V8_ONLY_FILTERS.find((key) => filter[key] !== undefined);
}

/** The spec's query from a caller's filter: dates in UTC ISO, windows, numbers and the order checked. */
export function toSessionQuery(filter: RestoreSessionFilter & RestoreSessionV8Filter): RestoreSessionPageQueryV8 {
  const query: RestoreSessionPageQueryV8 = {};
  for (const key of ["startTimeFrom", "startTimeTo", "endTimeFrom", "endTimeTo"] as const) {
    const value = filter[key];
    if (value !== undefined) query[key] = toUtcIso(key, value);
  }
  checkWindow(query, filter, "startTimeFrom", "startTimeTo");
  checkWindow(query, filter, "endTimeFrom", "endTimeTo");
  if (filter.offset !== undefined) query.offset = checkWhole("offset", filter.offset, OFFSET.min, OFFSET.max);
  if (filter.limit !== undefined) query.limit = checkLimit("limit", filter.limit);
  if (filter.orderBy !== undefined) {
    if (filter.orderBy !== "CreationTime" && filter.orderBy !== "EndTime") {
      throw new Vbm365ValidationError("orderBy", filter.orderBy, "is not CreationTime or EndTime");
    }
    query.orderBy = filter.orderBy;
  }
  if (filter.orderAsc !== undefined) {
    if (typeof filter.orderAsc !== "boolean") throw new Vbm365ValidationError("orderAsc", filter.orderAsc, "is not true or false");
    query.orderAsc = filter.orderAsc;
  }
  return query;
}

/** A window whose start is after its end selects nothing: refused, naming both ends. */
function checkWindow(
  query: RestoreSessionPageQueryV8,
  filter: RestoreSessionFilter & RestoreSessionV8Filter,
  from: "startTimeFrom" | "endTimeFrom",
  to: "startTimeTo" | "endTimeTo",
) {
  const start = query[from];
  const end = query[to];
  if (start !== undefined && end !== undefined && Date.parse(start) > Date.parse(end)) {
    throw new Vbm365ValidationError(from, filter[from], `is after ${to} (${String(filter[to])})`);
  }
}
