// Query parameters as the vendor's server reads them: names in any case, each at most
// once, whole numbers within the spec's bounds, ISO 8601 date-times. A wrong value is a
// 400 naming the parameter and what to send instead.
import { OFFSET, PAGE_SIZE, parseIsoDateTime } from "@vbm365/client";
import type { ApiContext } from "./context.js";
import { BadRequest, ServerFault } from "./reply.js";
import { parseInstant, type Ticks } from "./time.js";

/** Parameters by lower-case name. */
export type Query = Map<string, string>;

export function parseQuery(raw: string): Query {
  const query: Query = new Map();
  for (const [name, value] of new URLSearchParams(raw)) {
    const key = name.toLowerCase();
    if (query.has(key)) throw new BadRequest(`The query parameter "${name}" was given more than once.`);
    query.set(key, value);
  }
  return query;
}

function intParam(query: Query, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return fallback;
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new BadRequest(`The value "${raw}" is not valid for ${name}: use a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** `offset` and `limit` with the spec's bounds and defaults (from the client's generated limits). */
export function pageParams(query: Query): { offset: number; limit: number } {
  return {
    offset: intParam(query, "offset", OFFSET.min, OFFSET.max, 0),
    limit: intParam(query, "limit", PAGE_SIZE.min, PAGE_SIZE.max, PAGE_SIZE.default),
  };
}

/** A date-time that ends in an offset such as +03:00 or -00:00 (not Z). */
function hasOffset(text: string): boolean {
  return parseIsoDateTime(text)?.offsetMinutes !== undefined && !/z$/i.test(text);
}

export function dateParam(ctx: ApiContext, query: Query, name: string): Ticks | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  if (ctx.defects.has("offsetDate500") && hasOffset(raw)) throw new ServerFault(raw);
  const ticks = parseInstant(raw);
  if (ticks === undefined) {
    throw new BadRequest(`The value "${raw}" is not valid for ${name}: use an ISO 8601 date-time such as 2022-03-12T15:55:20.8557416Z.`);
  }
  return ticks;
}

/** `true`/`false` in any case, as .NET binds a bool; undefined when absent. */
export function booleanParam(query: Query, name: string): boolean | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
  throw new BadRequest(`The value "${raw}" is not valid for ${name}: use true or false.`);
}

/** One of `values` in any case, as .NET binds an enum; the canonical spelling, or undefined when absent. */
export function enumParam<T extends string>(query: Query, name: string, values: readonly T[]): T | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  const found = values.find((value) => value.toLowerCase() === raw.toLowerCase());
  if (found === undefined) throw new BadRequest(`The value "${raw}" is not valid for ${name}: use one of ${values.join(", ")}.`);
  return found;
}

/** `&name=value` for each of `names` the query has, as sent: page links carry the filters on. */
export function carriedFilters(query: Query, names: readonly string[]): string {
  let extra = "";
  for (const name of names) {
    const value = query.get(name.toLowerCase());
    if (value !== undefined) extra += `&${name}=${encodeURIComponent(value)}`;
  }
  return extra;
}
