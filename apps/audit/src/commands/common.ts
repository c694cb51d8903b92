import { extname } from "node:path";
import { PAGE_SIZE, UUID_PATTERN, type RestoreSession } from "@vbm365/client";
import type { AuditApi } from "../api.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { buildSessionFilter } from "../filters.js";
import { FORMATS, type Format } from "../output/types.js";
import { createProgress } from "../terminal.js";
import { resolveWindow, type TimeWindow } from "@vbm365/app-support";
import { resolveV8Selection, type V8Selection } from "../v8-filters.js";

export type Values = Record<string, string | boolean | string[] | undefined>;

export const str = (values: Values, key: string) => values[key] as string | undefined;
export const list = (values: Values, key: string) => values[key] as string[] | undefined;

// `--out restores.csv` means CSV without saying so twice.
const FORMAT_OF_EXTENSION = new Map<string, Format>([
  [".csv", "csv"],
  [".json", "json"],
  [".ndjson", "ndjson"],
  [".jsonl", "ndjson"],
]);

/** --format; without it, from the --out file's extension, else table on a terminal and ndjson otherwise. */
export function resolveFormat(values: Values, ctx: CliContext): Format {
  const requested = str(values, "format");
  const out = str(values, "out");
  let format: Format | undefined;
  if (requested !== undefined) {
    format = FORMATS.find((candidate) => candidate === requested.toLowerCase());
    if (!format) throw new UsageError(`--format '${requested}' is not known: use table, json, ndjson or csv`);
  } else if (out !== undefined) {
    format = FORMAT_OF_EXTENSION.get(extname(out).toLowerCase()) ?? "ndjson";
  } else {
    format = ctx.stdout.isTTY ? "table" : "ndjson";
  }
  if (values["csv-raw"] === true && format !== "csv") {
    throw new UsageError(`--csv-raw applies to CSV output only, and this output is ${format}: drop it or add --format csv`);
  }
  return format;
}

/** The width a table must fit: the terminal's, else COLUMNS when set (a pipe has none). */
export function tableWidth(ctx: CliContext): number | undefined {
  if (ctx.stdout.isTTY && ctx.stdout.columns) return ctx.stdout.columns;
  const columns = ctx.env.COLUMNS;
  return columns && /^\d+$/.test(columns) && Number(columns) > 0 ? Number(columns) : undefined;
}

export function resolvePageSize(values: Values): number {
  const text = str(values, "page-size");
  if (text === undefined) return 1000;
  // Digits only: Number() would also take "1e3", "0x10" or " 12 ", which nobody means.
  const size = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(size) || size < PAGE_SIZE.min || size > PAGE_SIZE.max) {
    throw new UsageError(`--page-size '${text}' must be a whole number from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}`);
  }
  return size;
}

/** Everything that selects sessions: validated before any request is made. */
export interface SessionSelection {
  window: TimeWindow;
  pageSize: number;
  matches: (session: RestoreSession) => boolean;
  /** --sort and the end-time filters (v8 servers only). */
  v8: V8Selection;
}

export function resolveSelection(values: Values, ctx: CliContext): SessionSelection {
  const v8 = resolveV8Selection(values);
  const since = str(values, "since");
  const from = str(values, "from");
  const to = str(values, "to");
  // With --ended-from/--ended-to and no start window, the end-time window is the window:
  // the default --since 24h would silently drop sessions that started earlier and ended in it.
  const all = values.all === true || (v8.byEndTime && since === undefined && from === undefined && to === undefined);
  const window = resolveWindow({ since, from, to, all }, ctx.now(), "24h");
  const filter = buildSessionFilter({
    type: list(values, "type"),
    result: list(values, "result"),
    state: list(values, "state"),
    initiatedBy: str(values, "initiated-by"),
  });
  const fromMs = window.from?.getTime();
  const toMs = window.to?.getTime();
  // The server filters by start time already; checking again keeps the promise
  // ("sessions started in the window") even against a server that ignores the filter.
  const inWindow = (session: RestoreSession) => {
    const started = Date.parse(session.creationTime);
    return (fromMs === undefined || started >= fromMs) && (toMs === undefined || started <= toMs);
  };
  return {
    window,
    pageSize: resolvePageSize(values),
    matches: (session) => inWindow(session) && v8.matches(session) && filter(session),
    v8,
  };
}

/**
 * The selected sessions, streamed page by page. With `showProgress`, a progress line on
 * stderr when it is a terminal; callers turn it off while rows stream to the same terminal.
 */
export async function* selectedSessions(
  api: AuditApi,
  selection: SessionSelection,
  ctx: CliContext,
  showProgress: boolean,
): AsyncGenerator<RestoreSession> {
  const progress = createProgress(ctx.stderr, showProgress);
  let seen = 0;
  let matched = 0;
  try {
    for await (const session of api.sessions({
      // The texts keep sub-millisecond digits (the server filters to 100 ns); Date has ms only.
      ...(selection.window.from ? { startTimeFrom: selection.window.fromIso ?? selection.window.from.toISOString() } : {}),
      ...(selection.window.to ? { startTimeTo: selection.window.toIso ?? selection.window.to.toISOString() } : {}),
      pageSize: selection.pageSize,
      ...selection.v8.query,
    })) {
      selection.v8.checkOrder(session);
      seen++;
      progress.update(() => `${Math.ceil(seen / selection.pageSize)} pages fetched, ${seen} sessions seen, ${matched} selected`);
      if (!selection.matches(session)) continue;
      matched++;
      yield session;
    }
  } finally {
    progress.done();
  }
}

/** Session ids are UUIDs; checked before connecting so a typo costs no request. */
export function sessionIdArgument(value: string | undefined): string {
  if (value === undefined || !UUID_PATTERN.test(value)) {
    throw new UsageError(`session id '${value ?? ""}' is not a UUID: copy it from the id column of 'vbm365-audit sessions'`);
  }
  return value;
}
