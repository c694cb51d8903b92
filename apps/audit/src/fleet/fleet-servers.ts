// The servers a fleet command runs against: the configuration file's, narrowed by
// --server/--tag (--all-servers, or nothing with `servers`, takes them all). Every mistake in
// the file or the flags is a UsageError (exit 64), before any server is asked.
import {
  ConfigFileError,
  DEFAULT_PARALLEL,
  SelectionError,
  loadConfig,
  locateConfig,
  parseDuration,
  searchedPlaces,
  selectServers,
  type FleetConfig,
  type ServerSettings,
} from "@vbm365/app-support";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";

type Values = Record<string, string | boolean | string[] | undefined>;

export interface FleetPlan {
  config: FleetConfig;
  servers: ServerSettings[];
  parallel: number;
  /** --server-timeout, overriding each server's own. */
  deadlineMs?: number;
}

export function readFleetConfig(ctx: CliContext, values: Values): FleetConfig {
  try {
    const located = locateConfig({ flag: values.config as string | undefined, env: ctx.env });
    if (!located) {
      throw new UsageError(
        `no configuration file: looked for ${searchedPlaces({ env: ctx.env }).join(" and ")}: create one (see 'Fleet' in the README) or pass --config FILE`,
      );
    }
    return loadConfig(located.path, ctx.env);
  } catch (error) {
    if (error instanceof ConfigFileError) throw new UsageError(error.message);
    throw error;
  }
}

export function planFleet(ctx: CliContext, values: Values, options: { everyByDefault: boolean }): FleetPlan {
  const config = readFleetConfig(ctx, values);
  const names = values.server as string[] | undefined;
  const tags = values.tag as string[] | undefined;
  const all =
    values["all-servers"] === true || (options.everyByDefault && !names && !tags) || (config.servers.length === 1 && !names && !tags);
  if (!all && !names && !tags) {
    throw new UsageError(
      `${config.path} has ${config.servers.length} servers: pick with --server NAME or --tag KEY=VALUE, or ask them all with --all-servers`,
    );
  }
  let servers: ServerSettings[];
  try {
    servers = selectServers(config.servers, { names, tags, all });
  } catch (error) {
    if (error instanceof SelectionError) throw new UsageError(error.message);
    throw error;
  }
  const timeout = values["server-timeout"] as string | undefined;
  return {
    config,
    servers,
    parallel: parseParallel(values.parallel as string | undefined) ?? config.parallel ?? DEFAULT_PARALLEL,
    ...(timeout !== undefined
      ? { deadlineMs: parseDuration(timeout, "--server-timeout", { minMs: 1000, maxMs: 86_400_000, text: "from 1s to 24h, such as 90s" }) }
      : {}),
  };
}

function parseParallel(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= 64)) throw new UsageError(`--parallel '${text}' must be a whole number from 1 to 64`);
  return value;
}
