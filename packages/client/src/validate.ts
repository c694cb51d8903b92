// Checks a caller's input before any request, so a typo fails at once with a message
// naming the parameter and the value instead of a server 400 (or, worse, a silent empty walk).
import { Vbm365ValidationError } from "./errors.js";
import type { DateInput, RestoreSessionFilter, RestoreSessionPageQuery } from "./types.js";

export const MAX_LIMIT = 10000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Date-only, or date and time with a zone. A time without a zone would be read in the
// caller's local zone, which is rarely what a UTC API call means: refuse it.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/i;

export function checkUuid(parameter: string, value: unknown): string {
  if (typeof value !== "string" || !UUID.test(value)) {
    throw new Vbm365ValidationError(parameter, value, "is not a uuid");
  }
  return value;
}

export function checkLimit(parameter: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new Vbm365ValidationError(parameter, value, `must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return value;
}

export function checkOffset(parameter: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new Vbm365ValidationError(parameter, value, "must be a whole number, 0 or more");
  }
  return value;
}

/** A `Date` or zoned ISO string as a UTC ISO string, keeping the string's sub-millisecond digits (.NET sends seven). */
export function toUtcIso(parameter: string, value: DateInput): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Vbm365ValidationError(parameter, value, "is not a valid Date");
    return value.toISOString();
  }
  const match = ISO.exec(String(value));
  const time = match ? Date.parse(String(value)) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new Vbm365ValidationError(parameter, value, "is not a Date or an ISO-8601 date with a zone, like 2024-05-01T00:00:00Z");
  }
  const iso = new Date(time).toISOString();
  const fraction = match![3];
  return fraction && fraction.length > 4 ? iso.replace(/\.\d{3}Z$/, `${fraction}Z`) : iso;
}

/** The spec's query from a caller's filter: dates in UTC ISO, the window and numbers checked. */
export function toSessionQuery(filter: RestoreSessionFilter): RestoreSessionPageQuery {
  const query: RestoreSessionPageQuery = {};
  if (filter.startTimeFrom !== undefined) query.startTimeFrom = toUtcIso("startTimeFrom", filter.startTimeFrom);
  if (filter.startTimeTo !== undefined) query.startTimeTo = toUtcIso("startTimeTo", filter.startTimeTo);
  if (query.startTimeFrom && query.startTimeTo && Date.parse(query.startTimeFrom) > Date.parse(query.startTimeTo)) {
    throw new Vbm365ValidationError(
      "startTimeFrom",
      filter.startTimeFrom,
      `is after startTimeTo (${String(filter.startTimeTo)})`,
    );
  }
  if (filter.offset !== undefined) query.offset = checkOffset("offset", filter.offset);
  if (filter.limit !== undefined) query.limit = checkLimit("limit", filter.limit);
  return query;
}
