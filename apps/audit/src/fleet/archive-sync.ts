// `archive sync --all-servers` (or --server/--tag): the selected servers of the configuration
// file synced into one archive, at most --parallel at a time, each within its deadline, under
// one sync lock (openArchiveSync). Each server's rows carry its name from the file. A summary
// line per server that was synced, the failing ones named on stderr, and the fleet's exit
// codes: 0 every server synced, 75 some did, else the failures' own code.
import { openArchiveSync, type ArchiveSync, type SyncSummary } from "@vbm365/archive";
import { runFleet, type ServerResult, type ServerSettings } from "@vbm365/app-support";
import { resolveApiVersion } from "../api-version.js";
import { resolveArchiveSetting } from "../archive-default.js";
import { archiveFailure, archiveLabel } from "../archive-source.js";
import type { Values } from "../commands/common.js";
import { redactUrl } from "../connection.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { countOf } from "../words.js";
import { serverClientFactory } from "./connect-server.js";
import { failuresOf, fleetExitCode, reportFailures } from "./failures.js";
import { planFleet } from "./fleet-servers.js";

export interface FleetSyncOptions {
  overlapMs?: number;
  quiet: boolean;
  summaryLine: (summary: SyncSummary, label: string) => string;
}

export async function fleetArchiveSync(ctx: CliContext, values: Values, options: FleetSyncOptions): Promise<number> {
  if (values.url !== undefined)
    throw new UsageError(
      "--url and the configured servers (--config, --server, --tag, --all-servers) cannot be combined: pick one",
      "archive",
    );
  if (values.name !== undefined)
    throw new UsageError(
      "--name names the VBM365_URL server; configured servers are archived under their names in the configuration file: drop --name",
      "archive",
    );
  const plan = planFleet(ctx, values, { everyByDefault: false });
  const flag = values["api-version"] as string | undefined;
  if (flag !== undefined) resolveApiVersion(flag, {});
  const setting = resolveArchiveSetting(values, ctx);
  const label = archiveLabel(ctx, setting);
  let archive: ArchiveSync;
  try {
    archive = await openArchiveSync(setting);
  } catch (error) {
    throw archiveFailure(error);
  }
  // A server past its deadline is reported at once, but its walk only stops when its aborted
  // requests do: the archive stays open until every walk has ended.
  const walks: Promise<unknown>[] = [];
  let results: ServerResult<SyncSummary>[];
  try {
    results = await runFleet(plan.servers, plan, (server, signal) => {
      const walk = syncOne(ctx, archive, server, flag, signal, options.overlapMs);
      walks.push(walk.catch(() => {}));
      return walk;
    });
    await Promise.all(walks);
  } finally {
    await archive.close().catch(() => {});
  }
  const failures = failuresOf(results, ctx);
  reportFailures(failures, ctx);
  const synced = results.flatMap((result) => (result.ok ? [result.value] : []));
  if (!options.quiet) {
    for (const summary of synced) ctx.stdout.write(`${options.summaryLine(summary, label)}\n`);
    ctx.stdout.write(`vbm365-audit: archive sync of ${synced.length} of ${countOf(results.length, "server")} into ${label}\n`);
  }
  return fleetExitCode(results, failures);
}

async function syncOne(
  ctx: CliContext,
  archive: ArchiveSync,
  server: ServerSettings,
  flag: string | undefined,
  signal: AbortSignal,
  overlapMs: number | undefined,
): Promise<SyncSummary> {
  // --api-version pins every server alike; otherwise each server's own setting from the file.
  const apiVersion = flag !== undefined ? resolveApiVersion(flag, {}).option : server.apiVersion;
  const clientOf = await serverClientFactory(ctx, server, signal);
  try {
    return await archive.sync(clientOf(apiVersion), {
      server: server.name,
      url: redactUrl(server.baseUrl),
      ...(overlapMs === undefined ? {} : { overlapMs }),
    });
  } catch (error) {
    throw archiveFailure(error);
  }
}
