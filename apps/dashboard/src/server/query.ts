// Parses and bounds the page's query strings. Every value is checked here, before any
// call to the VBM365 server, and a bad one gets a one-line message naming it.
import { UUID_PATTERN } from "@vbm365/client";
import { sortKeys, type SortKey } from "../shared/api.js";

export class BadRequest extends Error {
  override name = "BadRequest";
}

export const limits = {
  queryValueChars: 200,
  queryParams: 16,
  pageSize: 500,
  offset: 1_000_000,
  windowDays: 400,
} as const;

export interface SessionsQuery {
  from: Date;
  to: Date;
  type?: string;
  state?: string;
  result?: string;
  initiatedBy?: string;
  text?: string;
  /** A configured server's name (fleet dashboards). */
  server?: string;
  sort: SortKey;
  dir: "asc" | "desc";
  offset: number;
  limit: number;
}

const sessionParams = ["from", "to", "type", "state", "result", "initiatedBy", "q", "server", "sort", "dir", "offset", "limit"];
// Enum-like values: letters only, so a typo is an error rather than an empty table.
const enumValue = /^[A-Za-z]{1,40}$/;

/** Refuses unknown, repeated and over-long parameters; returns the rest as a plain map. */
export function readParams(search: URLSearchParams, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  let count = 0;
  for (const [name, value] of search) {
    if (++count > limits.queryParams) throw new BadRequest(`Too many query parameters (at most ${limits.queryParams}).`);
    if (!allowed.includes(name)) {
      throw new BadRequest(`Unknown query parameter "${clip(name)}". Known: ${allowed.join(", ") || "none"}.`);
    }
    if (params.has(name)) throw new BadRequest(`Query parameter "${name}" is given twice; give it once.`);
    if (value.length > limits.queryValueChars) {
      throw new BadRequest(`Query parameter "${name}" is longer than ${limits.queryValueChars} characters.`);
    }
    params.set(name, value);
  }
  return params;
}

export function parseSessionsQuery(search: URLSearchParams, now = new Date()): SessionsQuery {
  const params = readParams(search, sessionParams);
  const to = params.has("to") ? parseDate("to", params.get("to")!) : now;
  const from = params.has("from") ? parseDate("from", params.get("from")!) : new Date(to.getTime() - 24 * 3600_000);
  if (from.getTime() >= to.getTime()) throw new BadRequest(`"from" must be earlier than "to".`);
  if (to.getTime() - from.getTime() > limits.windowDays * 24 * 3600_000) {
    throw new BadRequest(`The time window is longer than ${limits.windowDays} days; choose a shorter one.`);
  }
  const sort = params.get("sort") ?? "creationTime";
  if (!(sortKeys as readonly string[]).includes(sort)) {
    throw new BadRequest(`"sort" must be one of ${sortKeys.join(", ")}.`);
  }
  const dir = params.get("dir") ?? "desc";
  if (dir !== "asc" && dir !== "desc") throw new BadRequest(`"dir" must be asc or desc.`);
  return {
    from,
    to,
    type: enumParam(params, "type"),
    state: enumParam(params, "state"),
    result: enumParam(params, "result"),
    initiatedBy: textParam(params, "initiatedBy"),
    text: textParam(params, "q"),
    server: textParam(params, "server"),
    sort: sort as SortKey,
    dir,
    offset: intParam(params, "offset", 0, 0, limits.offset),
    limit: intParam(params, "limit", 50, 1, limits.pageSize),
  };
}

export function parseSessionId(raw: string): string {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    throw new BadRequest("The session id is not a valid UUID.");
  }
  if (!UUID_PATTERN.test(id)) throw new BadRequest("The session id is not a valid UUID.");
  return id.toLowerCase();
}

function parseDate(name: string, value: string): Date {
  // Full ISO 8601 with a zone, so the window never depends on the server's time zone.
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!match) {
    throw new BadRequest(`"${name}" must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z.`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  // Date.parse moves 2026-02-30 on to March 2 and takes 24:00: the parts must be a real date as written.
  const real = new Date(Date.UTC(year!, month! - 1, day!));
  const exists = real.getUTCFullYear() === year && real.getUTCMonth() === month! - 1 && real.getUTCDate() === day;
  const date = new Date(value);
  if (!exists || hour! > 23 || minute! > 59 || second! > 59 || Number.isNaN(date.getTime())) {
    throw new BadRequest(`"${name}" is not a real date and time: ${clip(value)}.`);
  }
  return date;
}

function enumParam(params: Map<string, string>, name: string): string | undefined {
  const value = params.get(name);
  if (value === undefined || value === "") return undefined;
  if (!enumValue.test(value)) throw new BadRequest(`"${name}" must be a single word such as Success or Vex.`);
  return value;
}

function textParam(params: Map<string, string>, name: string): string | undefined {
  const value = params.get(name)?.trim();
  if (!value) return undefined;
  // Control characters have no place in a search box; refusing them keeps logs clean.
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new BadRequest(`"${name}" contains control characters.`);
  return value;
}

function intParam(params: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const value = params.get(name);
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new BadRequest(`"${name}" must be a whole number from ${min} to ${max}.`);
  }
  return Number(value);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
