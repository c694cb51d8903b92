// Command-line options of `pnpm bench`. A mistake gets one line naming it, never a trace.
import { PAGE_SIZE } from "@vbm365/client";
import { GROUPS, type Group } from "./report.js";

export interface BenchOptions {
  quick: boolean;
  /** Where the JSON goes; Markdown is written beside it. */
  out: string;
  groups: Group[];
  /** Overrides of the walk's size, to try other page sizes (the defaults are the targets'). */
  sessions?: number;
  pageSize?: number;
  /** Overrides of the archive benchmark's sizes (sync, and the archive the window reads run on). */
  archiveSyncSessions?: number;
  archiveQuerySessions?: number;
  /** Rounds of walk and syncs (default 3): one round at the full size took 6 minutes here on a quiet machine, 30 on a busy one. */
  archiveRuns?: number;
}

export class UsageError extends Error {}

export const USAGE = `usage: pnpm bench [--quick] [--only ${GROUPS.join(",")}] [--out results/file.json] [--sessions N] [--page-size N]
  --quick  small counts, a few seconds: checks that every benchmark works (results not meaningful)
  --only   run only these groups (comma-separated)
  --out    JSON results path (default results/latest.json, or results/quick.json with --quick)
  --sessions, --page-size  size of the stream walk (default 1,000,000 sessions in pages of 10,000)
  --archive-sync-sessions N, --archive-query-sessions N  sizes of the archive group (default 100,000 synced, 1,000,000 read)
  --archive-runs N  rounds of walk, SQLite sync and PostgreSQL sync in the archive group (default 3)`;

export function parseArgs(argv: string[]): BenchOptions {
  let quick = false;
  let out: string | undefined;
  let groups: Group[] = [...GROUPS];
  let sessions: number | undefined;
  let pageSize: number | undefined;
  let archiveSyncSessions: number | undefined;
  let archiveQuerySessions: number | undefined;
  let archiveRuns: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // pnpm passes a lone `--` through when called as `pnpm bench -- --quick`.
    if (arg === "--") continue;
    if (arg === "--quick") quick = true;
    else if (arg === "--out") out = optionValue(argv, ++i, "--out");
    else if (arg === "--only") groups = parseGroups(optionValue(argv, ++i, "--only"));
    else if (arg === "--sessions") sessions = positiveInteger(optionValue(argv, ++i, "--sessions"), "--sessions", 1_000_000_000);
    else if (arg === "--page-size") pageSize = positiveInteger(optionValue(argv, ++i, "--page-size"), "--page-size", PAGE_SIZE.max);
    else if (arg === "--archive-sync-sessions") archiveSyncSessions = positiveInteger(optionValue(argv, ++i, arg), arg, 10_000_000);
    else if (arg === "--archive-query-sessions") archiveQuerySessions = positiveInteger(optionValue(argv, ++i, arg), arg, 10_000_000);
    else if (arg === "--archive-runs") archiveRuns = positiveInteger(optionValue(argv, ++i, arg), arg, 100);
    else if (arg === "--help" || arg === "-h") throw new UsageError(USAGE);
    else throw new UsageError(`unknown option ${JSON.stringify(arg)}; run with --help for the options`);
  }
  return {
    quick,
    out: out ?? (quick ? "results/quick.json" : "results/latest.json"),
    groups,
    ...(sessions !== undefined ? { sessions } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(archiveSyncSessions !== undefined ? { archiveSyncSessions } : {}),
    ...(archiveQuerySessions !== undefined ? { archiveQuerySessions } : {}),
    ...(archiveRuns !== undefined ? { archiveRuns } : {}),
  };
}

function positiveInteger(text: string, name: string, max: number): number {
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`${name} takes a whole number from 1 to ${max.toLocaleString("en-US")}; got ${JSON.stringify(text)}`);
  }
  return value;
}

function optionValue(argv: string[], index: number, name: string): string {
  const value = argv[index];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
  return value;
}

function parseGroups(list: string): Group[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(`--only takes groups among ${GROUPS.join(", ")}; got ${JSON.stringify(list)}`);
  }
  return names as Group[];
}
