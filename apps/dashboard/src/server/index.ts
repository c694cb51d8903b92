// `startDashboardServer`: the dashboard's page and API on one loopback port.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createHandler } from "./app.js";
import { createWindowCache } from "./cache.js";
import { defaultHost, targetFromEnv, type TargetSettings } from "./config.js";
import { createSessionSource, type SessionSource } from "./source.js";
import { loadStaticFiles } from "./static.js";

export { settingsFromEnv, targetFromEnv, defaultPort, defaultHost, defaultTarget, ConfigError } from "./config.js";
export type { DashboardSettings, TargetSettings, Vbm365Auth } from "./config.js";
export type * from "../shared/api.js";

export interface DashboardServerOptions {
  /** Default 127.0.0.1. Anything beyond loopback must be asked for. */
  host?: string;
  /** Default 0 (any free port); the CLI uses PORT or 4030. */
  port?: number;
  /** The VBM365 server and its credentials; default from the VBM365_* environment. */
  target?: TargetSettings;
  /** Allow `Stop` on running sessions. Default false. */
  allowStop?: boolean;
  /** The built page; default this package's dist/public. */
  publicDir?: string;
  /** Where error lines go; default stderr. */
  log?: (line: string) => void;
  /** Replaces the VBM365 access, for tests of the server alone. */
  source?: SessionSource;
}

export interface DashboardServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

// dist/lib/server/ when built, src/server/ when the tests run the source: both find dist/public.
const builtPage = [new URL("../../public/", import.meta.url), new URL("../../dist/public/", import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL("../../public/", import.meta.url));
const loopback = new Set(["127.0.0.1", "localhost", "::1"]);

export async function startDashboardServer(options: DashboardServerOptions = {}): Promise<DashboardServer> {
  const host = options.host ?? defaultHost;
  const target = options.target ?? targetFromEnv();
  const source = options.source ?? createSessionSource(target);
  const secrets = "token" in target.auth ? [target.auth.token] : [target.auth.password];
  let port = options.port ?? 0;

  const handler = createHandler({
    source,
    cache: createWindowCache((from, to) => source.listWindow(from, to)),
    files: loadStaticFiles(options.publicDir ?? builtPage),
    allowStop: options.allowStop ?? false,
    allowedHosts: () =>
      loopback.has(host) ? new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) : undefined,
    secrets,
    log: options.log ?? ((line) => console.error(line)),
  });
  const server = createServer({ maxHeaderSize: 8192, requestTimeout: 30_000 }, (req, res) => void handler(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
