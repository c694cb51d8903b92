// Reads the dashboard's settings from the environment (the VBM365_* connection through
// app-support's one reader). A bad value stops the start with one line naming the variable;
// secrets are never echoed.
import { connectionOf, serverFromEnv, SettingsError, type ServerSettings } from "@vbm365/app-support";
import type { ApiVersionOption } from "@vbm365/client";

export const defaultPort = 4030;
export const defaultHost = "127.0.0.1";
/** The local Prism mock that `npm start` runs; it checks only that a token is present. */
export const defaultTarget = "http://127.0.0.1:4010";
export const mockToken = "dashboard-mock-token";

export type Vbm365Auth = { token: string } | { username: string; password: string };

export interface TargetSettings {
  url: string;
  auth: Vbm365Auth;
  /** PEM of a CA to trust for an HTTPS target with a private certificate. */
  ca?: string;
  /** The REST API version to speak; default "auto" (the newest the server serves, asked once). */
  apiVersion?: ApiVersionOption;
}

export interface DashboardSettings {
  host: string;
  port: number;
  target: TargetSettings;
  allowStop: boolean;
  /** Host names (or name:port) answered besides loopback and the bound address. */
  allowedHosts: string[];
  /** Required on every API call when set; required to bind beyond loopback. */
  accessToken?: string;
}

/** Shorter tokens are refused: the token is all that guards a dashboard on the network. */
export const minAccessTokenChars = 32;

/** A bad dashboard setting; a bad VBM365_* setting is app-support's SettingsError, which this extends. */
export class ConfigError extends SettingsError {
  override name = "ConfigError";
}

export async function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DashboardSettings> {
  const host = env.HOST?.trim() || defaultHost;
  const accessToken = parseAccessToken(env.DASHBOARD_ACCESS_TOKEN);
  checkExposure(host, accessToken);
  return {
    host,
    port: parsePort(env.PORT),
    target: await targetFromEnv(env),
    allowStop: parseFlag("DASHBOARD_ALLOW_STOP", env.DASHBOARD_ALLOW_STOP),
    allowedHosts: parseHosts(env.DASHBOARD_ALLOWED_HOSTS),
    accessToken,
  };
}

/** 127.0.0.0/8, ::1 and localhost: the addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Beyond loopback, anyone on the network could read the sessions: a token is required. */
export function checkExposure(host: string, accessToken: string | undefined): void {
  if (!isLoopback(host) && accessToken === undefined) {
    throw new ConfigError(
      `HOST ${host} is beyond loopback: set DASHBOARD_ACCESS_TOKEN (at least ${minAccessTokenChars} characters, e.g. from \`openssl rand -hex 32\`), or keep HOST=127.0.0.1 behind a reverse proxy.`,
    );
  }
}

export function parseHosts(raw: string | undefined): string[] {
  const hosts = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const host of hosts) {
    if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host)) {
      throw new ConfigError(
        `DASHBOARD_ALLOWED_HOSTS: "${host.slice(0, 60)}" is not a host name or name:port (give them comma-separated, such as dashboard.example.com,dashboard:8443).`,
      );
    }
  }
  return hosts;
}

export function parseAccessToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  // Never echoed: the message says what is wrong with it, not what it is.
  if (raw.length < minAccessTokenChars || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError(
      `DASHBOARD_ACCESS_TOKEN must be at least ${minAccessTokenChars} printable characters without spaces (e.g. from \`openssl rand -hex 32\`).`,
    );
  }
  return raw;
}

/** The VBM365 server to read from: VBM365_*, else the local mock `npm start` runs. */
export async function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TargetSettings> {
  const server = serverFromEnv(env, { mock: { baseUrl: defaultTarget, token: mockToken } })!;
  return (await targetOf(server)).target;
}

/** One server's target, its secret and CA file read now (app-support's `connectionOf`), and the secrets read. */
export async function targetOf(server: ServerSettings): Promise<{ target: TargetSettings; secrets: string[] }> {
  const { options, secrets } = await connectionOf(server);
  return { target: { url: options.baseUrl, auth: options.auth, ca: options.ca, apiVersion: options.apiVersion }, secrets };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return defaultPort;
  if (!/^\d{1,5}$/.test(raw.trim()) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be a number from 0 to 65535 (default ${defaultPort}), not "${raw.slice(0, 20)}".`);
  }
  return Number(raw);
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === "" || raw === "0" || raw === "false") return false;
  if (raw === "1" || raw === "true") return true;
  throw new ConfigError(`${name} must be 1 or 0.`);
}
