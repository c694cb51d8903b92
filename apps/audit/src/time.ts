import { UsageError } from "./errors.js";

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** Bounds of a duration flag, with what to do instead when a value is outside them. */
export interface DurationRange {
  minMs?: number;
  maxMs: number;
  /** The range in words, such as "at most 36500d (100 years)". */
  text: string;
  /** Said after the range when a value is too long, such as "--all for every session". */
  tooLongHint?: string;
}

/** `90m`, `24h`, `7d`, `1h30m`, `2w` to milliseconds, within `range`. */
export function parseDuration(text: string, flag: string, range: DurationRange = { maxMs: Number.MAX_SAFE_INTEGER, text: "a shorter one" }): number {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[wdhms])+$/.test(trimmed)) {
    throw new UsageError(`${flag} '${text}' is not a duration: use a number and a unit (w, d, h, m, s), such as 90m, 24h, 7d or 1h30m`);
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([wdhms])/g)) {
    total += Number(amount) * UNIT_MS[unit!]!;
  }
  if (total <= 0) throw new UsageError(`${flag} '${text}' must be longer than zero, such as 24h`);
  const { minMs = 1, maxMs, tooLongHint } = range;
  // Huge digit strings overflow to inexact or infinite numbers: caught here as "too long".
  if (!Number.isSafeInteger(total) || total > maxMs || total < minMs) {
    const tooLong = !(total < minMs);
    throw new UsageError(`${flag} '${text}' is too ${tooLong ? "long" : "short"}: use ${range.text}${tooLong && tooLongHint ? `, or ${tooLongHint}` : ""}`);
  }
  return total;
}

/** Short text for a duration, for messages: 7200000 -> "2h". */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("") || "0s";
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time. Without an offset it is the local time of this machine
 * (a date alone is local midnight), so `--from 2026-11-27T08:00` means 08:00 here.
 */
export function parseInstant(text: string, flag: string): Date {
  return parseInstantUtc(text, flag).date;
}

/** An instant to send: `date` (to the millisecond) and `iso`, the same instant in UTC with every fractional digit given (up to 7). */
export interface Instant {
  date: Date;
  iso: string;
}

/** Like parseInstant, plus the UTC text keeping the fraction: the server filters to 100 ns. */
export function parseInstantUtc(text: string, flag: string): Instant {
  const match = ISO.exec(text.trim());
  const hint = `use ISO 8601, such as 2026-11-27, 2026-11-27T08:00 (local time) or 2026-11-27T08:00:00Z`;
  if (!match) throw new UsageError(`${flag} '${text}' is not a date: ${hint}`);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", offset] = match;
  if (frac.length > 7) {
    throw new UsageError(`${flag} '${text}' has more than 7 fractional digits: the server reads at most 7 (100 ns)`);
  }
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  if (!sameCalendar(new Date(Date.UTC(...parts, ms)), parts, true)) {
    throw new UsageError(`${flag} '${text}' is not a real date or time: ${hint}`);
  }
  let date: Date;
  if (offset) {
    const sign = offset.startsWith("-") ? -1 : 1;
    const digits = offset.toUpperCase() === "Z" ? "0000" : offset.slice(1).replace(":", "").padEnd(4, "0");
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    date = new Date(Date.UTC(...parts, ms) - offsetMinutes * 60_000);
  } else {
    date = new Date(...parts, ms);
    if (!sameCalendar(date, parts, false)) {
      throw new UsageError(`${flag} '${text}' does not exist in the local time zone (skipped by a clock change): ${hint}`);
    }
  }
  // Offsets are whole minutes (local ones whole seconds), so the UTC fraction is the one written.
  const iso = frac.length > 3 ? date.toISOString().replace(/\.\d{3}Z$/, `.${frac}Z`) : date.toISOString();
  return { date, iso };
}

// Date rolls 2026-02-30 over to March; compare the fields back to catch it.
function sameCalendar(date: Date, parts: readonly number[], utc: boolean): boolean {
  const actual = utc
    ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  return actual.every((value, i) => value === parts[i]);
}

// A window start further back than this is not a window: --all says so plainly.
const SINCE_RANGE: DurationRange = { maxMs: 36_500 * UNIT_MS.d!, text: "at most 36500d (100 years)", tooLongHint: "--all for every session" };

export interface TimeWindow {
  from?: Date;
  to?: Date;
  /** `from`/`to` as sent to the server: UTC, every fractional digit given kept (Date has only ms). */
  fromIso?: string;
  toIso?: string;
  /** For messages: "in the last 24h", "from ... to ...". */
  label: string;
}

/** The window of --since / --from / --to / --all; `defaultSince` when none is given. */
export function resolveWindow(
  options: { since?: string; from?: string; to?: string; all?: boolean },
  now: Date,
  defaultSince: string,
): TimeWindow {
  const { since, from, to, all } = options;
  if (all && (since || from || to)) throw new UsageError("--all cannot be combined with --since, --from or --to: pick one");
  if (since && (from || to)) throw new UsageError("--since cannot be combined with --from/--to: use either --since 24h or --from/--to");
  if (all) return { label: "in all time" };
  if (from || to) {
    const window: TimeWindow = { label: "" };
    if (from) ({ date: window.from, iso: window.fromIso } = parseInstantUtc(from, "--from"));
    if (to) ({ date: window.to, iso: window.toIso } = parseInstantUtc(to, "--to"));
    if (window.fromIso && window.toIso && sortable(window.fromIso) > sortable(window.toIso)) {
      throw new UsageError(`--from ${from} is after --to ${to}: swap them`);
    }
    window.label = [window.fromIso && `from ${window.fromIso}`, window.toIso && `to ${window.toIso}`].filter(Boolean).join(" ");
    return window;
  }
  const text = since ?? defaultSince;
  const ms = parseDuration(text, "--since", SINCE_RANGE);
  return { from: new Date(now.getTime() - ms), label: `in the last ${text}` };
}

/** A UTC ISO text with its fraction padded to 7 digits, so texts compare in time order. */
export function sortable(iso: string): string {
  const [seconds, fraction = ""] = iso.slice(0, -1).split(".");
  return `${seconds}.${fraction.padEnd(7, "0")}`;
}
