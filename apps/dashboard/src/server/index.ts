// `startDashboardServer`: the dashboard's page and API on one port, loopback by default.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createHandler } from "./app.js";
import { createArchiveSource } from "./archive-source.js";
import { checkExposure, defaultHost, parseAccessToken, parseHosts, targetFromEnv, type TargetSettings } from "./config.js";
import { hostAllowlist } from "./guard.js";
import { createSessionSource, defaultWindowCaps, type SessionSource, type WindowCaps } from "./source.js";
import { loadStaticFiles } from "./static.js";
import { createWindowStore, type WindowStoreOptions } from "./windows.js";
import type { DashboardFleet } from "./fleet-config.js";

export { settingsFromEnv, targetFromEnv, defaultPort, defaultHost, defaultTarget, ConfigError } from "./config.js";
export type { DashboardSettings, TargetSettings, Vbm365Auth } from "./config.js";
export type * from "../shared/api.js";
export { fleetConfigFromEnv, openFleet, type DashboardFleet } from "./fleet-config.js";

export interface DashboardServerOptions {
  /** Default 127.0.0.1. Anything beyond loopback needs `accessToken`. */
  host?: string;
  /** Default 0 (any free port); the CLI uses PORT or 4030. */
  port?: number;
  /** The VBM365 server and its credentials; default from the VBM365_* environment. */
  target?: TargetSettings;
  /** Allow `Stop` on running sessions. Default false. */
  allowStop?: boolean;
  /** Host names (or name:port) answered besides loopback and the bound address. */
  allowedHosts?: string[];
  /** Required on every API call (header x-dashboard-token); required beyond loopback. */
  accessToken?: string;
  /** What one window may hold; default 50,000 sessions and 48 MB. */
  windowCaps?: Partial<WindowCaps>;
  /** Cache and concurrency of window loads. */
  windows?: WindowStoreOptions;
  /** Slow or many connections. */
  connections?: Partial<ConnectionLimits>;
  /** The built page; default this package's dist/public. */
  publicDir?: string;
  /** Where error lines go; default stderr. */
  log?: (line: string) => void;
  /** Read sessions from this restore archive (a file or postgres:// URL); default VBM365_ARCHIVE, unset: the live server. */
  archive?: string;
  /** Replaces the VBM365 access, for tests of the server alone. */
  source?: SessionSource;
  /** Many servers from the configuration file (fleet-config.ts) instead of `target`. */
  fleet?: DashboardFleet;
}

/**
 * A client that sends its headers or body slowly holds a connection: each is bounded, and
 * so is their number. Node checks the timeouts every `checkIntervalMs`.
 */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  checkIntervalMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  // A window load may take a while; the request itself (headers and body) may not.
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 128,
  checkIntervalMs: 1_000,
};

export interface DashboardServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

// dist/lib/server/ when built, src/server/ when the tests run the source: both find dist/public.
const builtPage =
  [new URL("../../public/", import.meta.url), new URL("../../dist/public/", import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL("../../public/", import.meta.url));

export async function startDashboardServer(options: DashboardServerOptions = {}): Promise<DashboardServer> {
  const host = options.host ?? defaultHost;
  const accessToken = parseAccessToken(options.accessToken);
  checkExposure(host, accessToken);
  const allowedHosts = parseHosts((options.allowedHosts ?? []).join(","));
  const fleet = options.fleet;
  const target = options.target ?? (fleet ? undefined : await targetFromEnv());
  const caps = { ...defaultWindowCaps, ...options.windowCaps };
  const live = options.source ?? fleet?.source ?? createSessionSource(target!, caps);
  const archiveSetting = options.archive ?? (process.env.VBM365_ARCHIVE || undefined);
  const archive = archiveSetting === undefined ? undefined : createArchiveSource(archiveSetting, live, caps);
  const source = archive ?? live;
  const limits = { ...defaultConnectionLimits, ...options.connections };
  let allowlist = hostAllowlist(host, options.port ?? 0, allowedHosts);

  const handler = createHandler({
    source,
    windows: createWindowStore((from, to, signal) => source.listWindow(from, to, signal), options.windows),
    files: loadStaticFiles(options.publicDir ?? builtPage),
    allowStop: options.allowStop ?? false,
    ...(fleet ? { fleet: fleet.source } : {}),
    allowedHosts: () => allowlist,
    accessToken,
    secrets: [
      ...(target ? ["token" in target.auth ? target.auth.token : target.auth.password] : []),
      ...(fleet?.secrets ?? []),
      accessToken,
    ],
    log: options.log ?? ((line) => console.error(line)),
  });
  const server = createServer(
    {
      maxHeaderSize: 8192,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => void handler(req, res),
  );
  server.maxConnections = limits.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowlist = hostAllowlist(host, port, allowedHosts);
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => archive?.close()),
  };
}
