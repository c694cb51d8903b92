// The command line: which options each command takes, and its --help text.
import { PAGE_SIZE } from "@vbm365/client";
import type { ParseArgsConfig } from "node:util";
import { ARCHIVE_HELP, ARCHIVE_READ_HELP } from "./archive-help.js";
import { FLEET_HELP, FLEET_OPTIONS } from "../fleet/options.js";
import { SERVERS_HELP, SERVERS_OPTIONS } from "../fleet/servers-command-spec.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const common = {
  url: { type: "string" },
  "api-version": { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  ...FLEET_OPTIONS,
} satisfies Options;

const output = {
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  "csv-raw": { type: "boolean" },
} satisfies Options;

const window = {
  since: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  all: { type: "boolean" },
  "page-size": { type: "string" },
} satisfies Options;

// Ordering and end-time filters that only v8 servers apply (refused on v6 and v7).
const v8Filters = {
  sort: { type: "string" },
  asc: { type: "boolean" },
  desc: { type: "boolean" },
  "ended-from": { type: "string" },
  "ended-to": { type: "string" },
} satisfies Options;

const filters = {
  type: { type: "string", multiple: true },
  result: { type: "string", multiple: true },
  state: { type: "string", multiple: true },
  "initiated-by": { type: "string" },
} satisfies Options;

// --archive: read the restore archive instead of the server (see archive-help.ts).
const archive = { archive: { type: "string" } } satisfies Options;

// The report as a document (report-document.ts).
const reportDocument = {
  html: { type: "string" },
  action: { type: "string", multiple: true },
  organization: { type: "string", multiple: true },
} satisfies Options;

export const COMMANDS = {
  sessions: { options: { ...common, ...output, ...window, ...v8Filters, ...filters, ...archive }, positionals: [] },
  events: { options: { ...common, ...output, ...archive }, positionals: ["sessionId"] },
  report: { options: { ...common, ...output, ...window, ...v8Filters, ...filters, ...reportDocument, ...archive }, positionals: [] },
  stop: { options: { ...common, yes: { type: "boolean", short: "y" } }, positionals: ["sessionId"] },
  check: {
    options: { ...common, ...window, ...filters, ...archive, "max-running": { type: "string" }, prtg: { type: "boolean" } },
    positionals: [],
  },
  servers: { options: SERVERS_OPTIONS, positionals: [] },
  // --server, --tag and --all-servers (common) pick configured servers to sync; --name names
  // the VBM365_URL server in the archive.
  archive: {
    options: {
      ...common,
      ...output,
      ...archive,
      name: { type: "string" },
      overlap: { type: "string" },
      quiet: { type: "boolean", short: "q" },
    },
    positionals: ["action"],
  },
} as const satisfies Record<string, { options: Options; positionals: readonly string[] }>;

export type CommandName = keyof typeof COMMANDS;

const CONNECTION_HELP = `Connection (environment):
  VBM365_URL                      server root, such as https://vbm.example:4443 (or --url)
  VBM365_TOKEN                    an access token, or
  VBM365_USERNAME, VBM365_PASSWORD  a login (without VBM365_PASSWORD you are prompted on a terminal;
                                  there is no password flag, so it never lands in shell history)
  VBM365_CA_FILE                  PEM file of the CA that signed a self-signed server certificate
  VBM365_API_VERSION              v6, v7, v8 or auto (default auto: the newest the server serves;
                                  or --api-version; --debug says which was used)
  With none of these set (VBM365_URL unset, not empty), the local mock http://127.0.0.1:4010
  (pnpm mock) is used with a dummy token, and a line on stderr says so; check never uses it.`;

const COMMON_HELP = `  --url URL             server root (default: VBM365_URL)
  --api-version VER     v6, v7, v8 or auto (default: VBM365_API_VERSION, else auto)
  --debug               stack traces and request details on errors (secrets stay hidden)
  -h, --help            this help

${FLEET_HELP}`;

const OUTPUT_HELP = `  -f, --format FORMAT   table, json, ndjson or csv (default: from the --out extension .csv, .json,
                        .ndjson or .jsonl; else table on a terminal, ndjson otherwise); a table
                        fits the terminal (or COLUMNS), cutting long cells with …
  -o, --out FILE        write to FILE instead of stdout; a summary line goes to stderr
  --csv-raw             CSV cells exactly as the server sent them: by default a cell starting with
                        = + - @ tab or CR gets a leading ' so spreadsheets do not run it as a formula`;

const WINDOW_HELP = (
  defaultSince: string,
) => `  --since DURATION      sessions started in the last DURATION: 90m, 24h, 7d, 2w, 1h30m, at most
                        36500d (default ${defaultSince})
  --from DATE, --to DATE  sessions started in [from, to]; ISO 8601, local time unless it has
                        Z or an offset: 2026-11-27, 2026-11-27T08:00, 2026-11-27T08:00:00+02:00
  --all                 every session the server has
  --page-size N         sessions per request, ${PAGE_SIZE.min}-${PAGE_SIZE.max} (default 1000)`;

const V8_HELP = `  REST API v8 servers only (refused with exit 64 on v6 and v7, which would ignore them):
  --sort KEY            server-side order by creationTime or endTime (a session still running
                        counts as the oldest end); with --desc (default) or --asc
  --asc, --desc         order direction; alone they sort by creationTime
  --ended-from DATE, --ended-to DATE  sessions that ended in [from, to], same forms as --from;
                        running sessions are left out. Without --since/--from/--to they are
                        the whole window (no default --since 24h)`;

const FILTER_HELP = `  --type TYPE           Vex|exchange, Veod|onedrive, Vesp|sharepoint, Vet|teams (repeat or comma-separate)
  --result RESULT       Success, Warning, Failed (repeat or comma-separate)
  --state STATE         Working, Stopped (repeat or comma-separate)
  --initiated-by TEXT   initiator contains TEXT (case-insensitive), such as 'CONTOSO\\admin'`;

export const MAIN_HELP = `vbm365-audit: audit and monitor restores of Veeam Backup for Microsoft 365 (REST API v6, v7 and v8)

Usage: vbm365-audit <command> [options]

Commands:
  sessions              restore sessions in a time window
  events <sessionId>    the events (steps) of one restore session
  report                one row per restored item: who, when, from where, what, size, source, target
  stop <sessionId>      stop a running restore session (asks first unless --yes)
  check                 monitoring probe for Nagios, Icinga and PRTG
  servers               the configured servers; --test logs in to each
  archive sync|status   keep the restore history in an archive past the server's retention

Options:
  -h, --help            help; 'vbm365-audit <command> --help' for a command's options
  --version             the version

Examples:
  vbm365-audit sessions --since 24h
  vbm365-audit report --since 7d --format csv --out restores.csv
  vbm365-audit check --since 24h --max-running 2h
  vbm365-audit sessions --all-servers --since 30d --parallel 8
  vbm365-audit check --all-servers
  vbm365-audit archive sync && vbm365-audit sessions --archive --since 400d

Exit codes: 0 ok, 64 bad command line, 66 unknown session, 69 server unreachable or failing,
74 cannot write --out or use the archive, 75 some of the configured servers did not answer,
77 credentials refused; check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.

${CONNECTION_HELP}
`;

export const HELP: Record<CommandName, string> = {
  sessions: `Usage: vbm365-audit sessions [options]

Restore sessions that started in a time window, newest data streamed as it is paged in.

Options:
${WINDOW_HELP("24h")}
${V8_HELP}
${FILTER_HELP}
${ARCHIVE_READ_HELP}
${OUTPUT_HELP}
${COMMON_HELP}

Examples:
  vbm365-audit sessions --since 24h
  vbm365-audit sessions --from 2026-11-01 --to 2026-11-27T18:00 --type exchange,teams --format csv
  vbm365-audit sessions --since 7d --result Failed --initiated-by admin --format json --out failed.json
  vbm365-audit sessions --ended-from 2026-11-27 --sort endTime --asc          (v8 servers)

${CONNECTION_HELP}
`,
  events: `Usage: vbm365-audit events <sessionId> [options]

The events (steps) of one restore session, in order, including the None start/end markers.

Options:
${ARCHIVE_READ_HELP}
${OUTPUT_HELP}
${COMMON_HELP}

Examples:
  vbm365-audit events 2d3f8c8e-5b0a-4d61-9a7e-0f1c2b3a4d5e
  vbm365-audit events 2d3f8c8e-5b0a-4d61-9a7e-0f1c2b3a4d5e --format csv --out events.csv

${CONNECTION_HELP}
`,
  report: `Usage: vbm365-audit report [options]

The restore audit: one row per restored item (each non-None event of each session in the
window) with who (initiatedBy), when (time), from where (clientHost), what (action,
itemName, itemType), size (itemSizeBytes), source and target. On a REST API v8 server each
row also has its session's statistics (sessionTotalItems, sessionRestoredItems,
sessionFailedItems, sessionSkippedItems, sessionWarnings, sessionErrors); on v6 and v7 a line
on stderr says they are left out.

With --html FILE (or --format html) it is a report document instead: one self-contained HTML
file (charts, top 10 operators and restored objects, actions by type and service over time,
notes on what the data cannot answer, the first 1000 actions) that opens offline and prints
on A4; every action goes to FILE.actions.csv beside it. --format aggregates prints the same
numbers as JSON (schema: report.schema.json in @vbm365/report).

Options:
${WINDOW_HELP("24h")}
${V8_HELP}
${FILTER_HELP}
${ARCHIVE_READ_HELP}
${OUTPUT_HELP}
  --html FILE           the report document as HTML in FILE, every action in FILE.actions.csv
  --action TYPE         document only: Restore, Export, Send, Save, View (repeat or comma-separate)
  --organization NAME   document only: the organization's name (repeat or comma-separate)
${COMMON_HELP}

Examples:
  vbm365-audit report --since 7d
  vbm365-audit report --from 2026-11-01 --to 2026-12-01 --format csv --out november-restores.csv
  vbm365-audit report --since 30d --type sharepoint --format ndjson | jq 'select(.itemSizeBytes > 1e9)'
  vbm365-audit report --since 30d --html restores.html
  vbm365-audit report --since 7d --format aggregates > restores.json

${CONNECTION_HELP}
`,
  stop: `Usage: vbm365-audit stop <sessionId> [options]

Stops a running restore session. Asks for confirmation on the terminal; without a
terminal (cron, CI) it refuses unless --yes is given.

Options:
  -y, --yes             do not ask
${COMMON_HELP}

Examples:
  vbm365-audit stop 2d3f8c8e-5b0a-4d61-9a7e-0f1c2b3a4d5e
  vbm365-audit stop 2d3f8c8e-5b0a-4d61-9a7e-0f1c2b3a4d5e --yes

${CONNECTION_HELP}
`,
  check: `Usage: vbm365-audit check [options]

A monitoring probe in the Nagios plugin format: one status line with performance data.
  CRITICAL (exit 2)  a session in the window failed
  WARNING  (exit 1)  a session ended with warnings, or has been Working longer than --max-running
  OK       (exit 0)  none of these
  UNKNOWN  (exit 3)  the check could not run (bad options, no VBM365_URL, server unreachable,
                     credentials refused, an answer that is not a session list)

Options:
${WINDOW_HELP("24h")}
  --max-running DURATION  a Working session older than this is a WARNING, 1m to 365d (default 2h)
${FILTER_HELP}
  --prtg                PRTG EXE/Script sensor output (value:message, value = problem sessions);
                        exit codes stay the same
${ARCHIVE_READ_HELP}
${COMMON_HELP}

Examples:
  vbm365-audit check
  vbm365-audit check --since 1h --max-running 90m --type exchange
  vbm365-audit check --since 24h --prtg

${CONNECTION_HELP}
`,
  servers: SERVERS_HELP,
  archive: ARCHIVE_HELP(CONNECTION_HELP, COMMON_HELP, OUTPUT_HELP),
};
