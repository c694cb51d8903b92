// `archive sync` copies a server's restore history into the archive; `archive status` says
// what the archive holds per server and how each server's last sync went.
import { syncArchive, type ServerStatus, type SyncProgress, type SyncSummary } from "@vbm365/archive";
import { parseDuration } from "@vbm365/app-support";
import { createVbm365Client } from "@vbm365/client";
import { resolveApiVersion } from "../api-version.js";
import { archiveFailure, archiveLabel, openArchiveReader } from "../archive-source.js";
import { resolveArchiveSetting } from "../archive-default.js";
import { fleetArchiveSync } from "../fleet/archive-sync.js";
import { wantsFleet } from "../fleet/options.js";
import { countServerSessions, progressLine } from "../archive-progress.js";
import { redactUrl, resolveConnection } from "../connection.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Row, RowShape } from "../output/types.js";
import { openOutput, writeRows } from "../output/write.js";
import { createProgress, useColor } from "../terminal.js";
import { countOf } from "../words.js";
import { resolveFormat, str, tableWidth, type Values } from "./common.js";

export async function archiveCommand(ctx: CliContext, values: Values, [action]: string[]): Promise<number> {
  if (action === "sync") return archiveSync(ctx, values);
  if (action === "status") return archiveStatusCommand(ctx, values);
  throw new UsageError(`unknown archive action '${action ?? ""}': use 'archive sync' or 'archive status'`, "archive");
}

const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

async function archiveSync(ctx: CliContext, values: Values): Promise<number> {
  const overlapText = str(values, "overlap");
  const overlapMs =
    overlapText === undefined
      ? undefined
      : parseDuration(overlapText, "--overlap", { maxMs: 366 * 86_400_000, text: "at most 366d, such as 24h" });
  // --config, --server, --tag, --all-servers: the configuration file's servers (fleet/archive-sync.ts).
  if (wantsFleet(values))
    return fleetArchiveSync(ctx, values, { ...(overlapMs === undefined ? {} : { overlapMs }), quiet: values.quiet === true, summaryLine });
  const server = str(values, "name") ?? "default";
  if (!SERVER_NAME.test(server))
    throw new UsageError(
      `--name '${server}' is not a server name: use letters, digits, '.', '_' or '-' (at most 63), such as vbm01`,
      "archive",
    );
  if (str(values, "url") === undefined && !ctx.env.VBM365_URL) {
    throw new UsageError(
      "no server to archive: set VBM365_URL=https://vbm.example:4443 (with VBM365_TOKEN or VBM365_USERNAME) or give --url",
      "archive",
    );
  }
  const choice = resolveApiVersion(str(values, "api-version"), ctx.env);
  const settings = await resolveConnection(str(values, "url"), { value: choice.option, source: choice.source }, ctx, { mock: false });
  ctx.secrets.push(...settings.secrets);
  const baseUrl = settings.client.baseUrl;
  ctx.server = baseUrl;
  const client = createVbm365Client({ ...settings.client, apiVersion: choice.option });

  const setting = resolveArchiveSetting(values, ctx);
  const label = archiveLabel(ctx, setting);
  const quiet = values.quiet === true;
  const progress = createProgress(ctx.stderr, !quiet);
  // The total is only worth its few requests when someone watches the progress line.
  const total = !quiet && ctx.stderr.isTTY === true ? await countServerSessions(client) : undefined;
  let summary: SyncSummary;
  try {
    summary = await syncArchive(setting, client, {
      server,
      url: redactUrl(baseUrl),
      ...(overlapMs === undefined ? {} : { overlapMs }),
      onProgress: (state: SyncProgress) => progress.update(() => progressLine(state, total)),
    });
  } catch (error) {
    throw archiveFailure(error);
  } finally {
    progress.done();
  }
  if (!quiet) ctx.stdout.write(`${summaryLine(summary, label)}\n`);
  return EXIT.ok;
}

function summaryLine(summary: SyncSummary, label: string): string {
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.sessionsSeen / seconds) : summary.sessionsSeen;
  return (
    `vbm365-audit: archive sync of ${summary.server} (REST API ${summary.apiVersion}) into ${label}: ` +
    `${countOf(summary.sessionsSeen, "session")} seen, ${summary.sessionsAdded} added, ${summary.sessionsUpdated} updated, ` +
    `${countOf(summary.eventsStored, "event")} stored, ${summary.sessionsPruned} marked pruned in ${seconds.toFixed(1)}s (${rate} sessions/s)`
  );
}

const STATUS_SHAPE: RowShape = {
  columns: [
    "server",
    "url",
    "apiVersion",
    "sessions",
    "pruned",
    "events",
    "oldest",
    "newest",
    "lastSyncStarted",
    "lastSyncFinished",
    "lastSyncOutcome",
    "lastSyncMessage",
  ],
  tableColumns: ["server", "sessions", "pruned", "events", "oldest", "newest", "lastSyncFinished", "lastSyncOutcome"],
  keepWhole: ["server", "oldest", "newest"],
};

async function archiveStatusCommand(ctx: CliContext, values: Values): Promise<number> {
  const format = resolveFormat(values, ctx);
  const reader = await openArchiveReader(values, ctx);
  let servers: ServerStatus[];
  try {
    // --server NAME: only those servers' rows.
    const names = values.server as string[] | undefined;
    servers = (await reader.status()).filter((status) => names === undefined || names.includes(status.server));
  } catch (error) {
    throw archiveFailure(error);
  }
  const rows: Row[] = servers.map((status) => ({
    server: status.server,
    url: status.url,
    apiVersion: status.apiVersion,
    sessions: status.sessions,
    pruned: status.pruned,
    events: status.events,
    oldest: status.oldest,
    newest: status.newest,
    lastSyncStarted: status.lastSync?.started ?? null,
    lastSyncFinished: status.lastSync?.finished ?? null,
    // A run still "running" with no sync holding the lock was killed; the next sync says so.
    lastSyncOutcome: status.lastSync?.outcome ?? null,
    lastSyncMessage: status.lastSync?.message ?? null,
  }));
  const out = str(values, "out");
  const target = await openOutput(out, ctx.stdout);
  const written = await writeRows(
    (async function* () {
      yield* rows;
    })(),
    {
      format,
      shape: STATUS_SHAPE,
      target,
      color: out === undefined && useColor(ctx.stdout, ctx.env),
      csvRaw: values["csv-raw"] === true,
      tableWidth: out === undefined ? tableWidth(ctx) : undefined,
    },
  );
  if (out !== undefined) ctx.stderr.write(`vbm365-audit: wrote ${countOf(written, "server")} to ${out} (${format})\n`);
  return EXIT.ok;
}
