// Reads the dashboard's settings from the environment. A bad value stops the start with
// one line naming the variable; secrets are never echoed.
import { readFileSync } from "node:fs";
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

/** VBM365_API_VERSION's values; "auto" is the default. */
export const apiVersionSettings: readonly ApiVersionOption[] = ["auto", "v6", "v7", "v8"];

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

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): DashboardSettings {
  const host = env.HOST?.trim() || defaultHost;
  const accessToken = parseAccessToken(env.DASHBOARD_ACCESS_TOKEN);
  checkExposure(host, accessToken);
  return {
    host,
    port: parsePort(env.PORT),
    target: targetFromEnv(env),
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
  const hosts = (raw ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const host of hosts) {
    if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host)) {
      throw new ConfigError(`DASHBOARD_ALLOWED_HOSTS: "${host.slice(0, 60)}" is not a host name or name:port (give them comma-separated, such as dashboard.example.com,dashboard:8443).`);
    }
  }
  return hosts;
}

export function parseAccessToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  // Never echoed: the message says what is wrong with it, not what it is.
  if (raw.length < minAccessTokenChars || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError(`DASHBOARD_ACCESS_TOKEN must be at least ${minAccessTokenChars} printable characters without spaces (e.g. from \`openssl rand -hex 32\`).`);
  }
  return raw;
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): TargetSettings {
  const url = parseTargetUrl(env.VBM365_URL?.trim() || defaultTarget);
  const ca = env.VBM365_CA_FILE ? readCa(env.VBM365_CA_FILE) : undefined;
  const apiVersion = parseApiVersion(env.VBM365_API_VERSION);
  const { VBM365_TOKEN: token, VBM365_USERNAME: username, VBM365_PASSWORD: password } = env;
  if (token) return { url, auth: { token }, ca, apiVersion };
  if (username || password) {
    if (!username || !password) {
      throw new ConfigError("Set both VBM365_USERNAME and VBM365_PASSWORD (or VBM365_TOKEN instead).");
    }
    return { url, auth: { username, password }, ca, apiVersion };
  }
  if (url === defaultTarget) return { url, auth: { token: mockToken }, ca, apiVersion };
  throw new ConfigError(`No credentials for ${url}: set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD.`);
}

export function parseTargetUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`VBM365_URL is not a URL: give one such as https://vbm.example:4443.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError("VBM365_URL must start with http:// or https://.");
  }
  // Credentials belong in their own variables, where they are never printed.
  if (url.username || url.password) {
    throw new ConfigError("VBM365_URL must not hold a user name or password; use VBM365_USERNAME/VBM365_PASSWORD.");
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

export function parseApiVersion(raw: string | undefined): ApiVersionOption {
  const value = raw?.trim() || "auto";
  const known = apiVersionSettings.find((setting) => setting === value);
  if (!known) throw new ConfigError(`VBM365_API_VERSION must be one of ${apiVersionSettings.join(", ")} (default auto), not "${value.slice(0, 20)}".`);
  return known;
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

function readCa(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ConfigError(`VBM365_CA_FILE ${path} cannot be read (${code}).`);
  }
}
