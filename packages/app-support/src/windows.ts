// Durations (`--since 7d`, `--max-running 2h`) and time windows (`--since`, or `--from` and
// `--to` as ISO 8601, read by the client's one parser), as the apps take them from people.
import { formatIsoTicks, isoTicks, parseIsoDateTime, TICKS_PER_MS, type IsoDateTime } from "@vbm365/client";
import { complainAs, SettingsError, type Complain } from "./settings-error.js";

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
// Milliseconds are read (a configuration file's `timeout: 500ms`) but never written back.
const READ_UNIT_MS: Record<string, number> = { ...UNIT_MS, ms: 1 };

/** Bounds of a duration, with what to do instead when a value is outside them. */
export interface DurationRange {
  minMs?: number;
  maxMs: number;
  /** The range in words, such as "at most 36500d (100 years)". */
  text: string;
  /** Said after the range when a value is too long, such as "--all for every session". */
  tooLongHint?: string;
}

/**
 * `90m`, `24h`, `7d`, `1h30m`, `2w`, `500ms` to milliseconds, within `range`; `flag` names the
 * setting in messages (or says where, as the configuration file does: its line and field).
 */
export function parseDuration(
  text: string,
  flag: string | Complain,
  range: DurationRange = { maxMs: Number.MAX_SAFE_INTEGER, text: "a shorter one" },
): number {
  const complain = complainAs(flag);
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+(ms|[wdhms]))+$/.test(trimmed)) {
    throw complain(`'${text}' is not a duration: use a number and a unit (w, d, h, m, s, ms), such as 90m, 24h, 7d or 1h30m`);
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)(ms|[wdhms])/g)) {
    total += Number(amount) * READ_UNIT_MS[unit!]!;
  }
  if (total <= 0) throw complain(`'${text}' must be longer than zero, such as 24h`);
  const { minMs = 1, maxMs, tooLongHint } = range;
  // Huge digit strings overflow to inexact or infinite numbers: caught here as "too long".
  if (!Number.isSafeInteger(total) || total > maxMs || total < minMs) {
    const tooLong = !(total < minMs);
    throw complain(
      `'${text}' is too ${tooLong ? "long" : "short"}: use ${range.text}${tooLong && tooLongHint ? `, or ${tooLongHint}` : ""}`,
    );
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

/** An instant to send: `date` (to the millisecond) and `iso`, the same instant in UTC with every fractional digit given (up to 7). */
export interface Instant {
  date: Date;
  iso: string;
}

/**
 * An ISO 8601 date or date-time as people type it (a space for the `T`, short offsets). Without
 * an offset it is the local time of this machine (a date alone is local midnight), so
 * `--from 2026-11-27T08:00` means 08:00 here. The UTC text keeps the fraction: the server
 * filters to 100 ns.
 */
export function parseTypedInstant(text: string, flag: string): Instant {
  const fields = parseIsoDateTime(text.trim(), "typed");
  const hint = "use ISO 8601, such as 2026-11-27, 2026-11-27T08:00 (local time) or 2026-11-27T08:00:00Z";
  if (!fields) throw new SettingsError(`${flag} '${text}' is not a date: ${hint}`);
  if (fields.fraction.length > 7) {
    throw new SettingsError(`${flag} '${text}' has more than 7 fractional digits: the server reads at most 7 (100 ns)`);
  }
  const offsetMinutes = fields.offsetMinutes ?? localOffsetMinutes(fields, text, flag, hint);
  const ticks = isoTicks(fields, offsetMinutes);
  return { date: new Date(Number(ticks / TICKS_PER_MS)), iso: formatIsoTicks(ticks, Math.max(3, fields.fraction.length)) };
}

/** This machine's offset at the time `fields` write; a time a clock change skipped does not exist. */
function localOffsetMinutes(fields: IsoDateTime, text: string, flag: string, hint: string): number {
  const { year, month, day, hour, minute, second } = fields;
  const local = new Date(year, month - 1, day, hour, minute, second);
  local.setFullYear(year); // the years 0 to 99 as written
  const back = [local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()];
  if (!back.every((value, index) => value === [year, month, day, hour, minute, second][index])) {
    throw new SettingsError(`${flag} '${text}' does not exist in the local time zone (skipped by a clock change): ${hint}`);
  }
  const wallClockMs = Number(isoTicks({ ...fields, fraction: "" }, 0) / TICKS_PER_MS);
  return (wallClockMs - local.getTime()) / 60_000;
}

/** A time window: both ends optional, as sent (UTC text with every digit given) and as dates. */
export interface TimeWindow {
  from?: Date;
  to?: Date;
  /** `from`/`to` as sent to the server: UTC, every fractional digit given kept (Date has only ms). */
  fromIso?: string;
  toIso?: string;
  /** For messages: "in the last 24h", "from ... to ...". */
  label: string;
}

// A window start further back than this is not a window: --all says so plainly.
const SINCE_RANGE: DurationRange = {
  maxMs: 36_500 * UNIT_MS.d!,
  text: "at most 36500d (100 years)",
  tooLongHint: "--all for every session",
};

/** The window of --since / --from / --to / --all; `defaultSince` when none is given. */
export function resolveWindow(
  options: { since?: string; from?: string; to?: string; all?: boolean },
  now: Date,
  defaultSince: string,
): TimeWindow {
  const { since, from, to, all } = options;
  if (all && (since || from || to)) throw new SettingsError("--all cannot be combined with --since, --from or --to: pick one");
  if (since && (from || to)) throw new SettingsError("--since cannot be combined with --from/--to: use either --since 24h or --from/--to");
  if (all) return { label: "in all time" };
  if (from || to) {
    const window: TimeWindow = { label: "" };
    if (from) ({ date: window.from, iso: window.fromIso } = parseTypedInstant(from, "--from"));
    if (to) ({ date: window.to, iso: window.toIso } = parseTypedInstant(to, "--to"));
    if (window.fromIso && window.toIso && sortable(window.fromIso) > sortable(window.toIso)) {
      throw new SettingsError(`--from ${from} is after --to ${to}: swap them`);
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
