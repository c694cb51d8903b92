// The dashboard's fleet: the servers of the shared configuration file (VBM365_CONFIG, else
// ./vbm365.config.yaml, else the user's config folder), used when VBM365_URL is not set. Each
// server's secret is read here, on the server side, once at start; the page never sees one.
import { ConfigFileError, DEFAULT_SERVER_DEADLINE_MS, loadConfig, locateConfig, type FleetConfig } from "@vbm365/app-support";
import { ConfigError, targetOf } from "./config.js";
import { createFleetSource, type FleetMember, type FleetSource } from "./fleet-source.js";
import { createSessionSource, defaultWindowCaps, type WindowCaps } from "./source.js";

export interface DashboardFleet {
  config: FleetConfig;
  source: FleetSource;
  /** Every secret read, for the redaction of logs. */
  secrets: string[];
}

/** A window load is interactive: a minute at most per server unless its `timeout` says otherwise. */
const DASHBOARD_DEADLINE_MS = Math.min(60_000, DEFAULT_SERVER_DEADLINE_MS);

/** The configuration file to use, or undefined to keep the single-server VBM365_* settings. */
export function fleetConfigFromEnv(env: NodeJS.ProcessEnv = process.env): FleetConfig | undefined {
  if (env.VBM365_URL?.trim() && !env.VBM365_CONFIG) return undefined;
  try {
    const located = locateConfig({ env });
    return located ? loadConfig(located.path, env) : undefined;
  } catch (error) {
    if (error instanceof ConfigFileError) throw new ConfigError(error.message);
    throw error;
  }
}

export async function openFleet(config: FleetConfig, caps: WindowCaps = defaultWindowCaps): Promise<DashboardFleet> {
  const secrets: string[] = [];
  const members = await Promise.all(
    config.servers.map(async (server): Promise<FleetMember> => {
      const { target, secrets: read } = await targetOf(server);
      secrets.push(...read);
      return { name: server.name, source: createSessionSource(target, caps), deadlineMs: server.deadlineMs ?? DASHBOARD_DEADLINE_MS };
    }),
  );
  return { config, source: createFleetSource(members), secrets };
}
