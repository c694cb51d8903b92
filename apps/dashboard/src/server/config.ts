// Reads the dashboard's settings from the environment. A bad value stops the start with
// one line naming the variable; secrets are never echoed.
import { readFileSync } from "node:fs";

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
}

export interface DashboardSettings {
  host: string;
  port: number;
  target: TargetSettings;
  allowStop: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): DashboardSettings {
  return {
    host: env.HOST?.trim() || defaultHost,
    port: parsePort(env.PORT),
    target: targetFromEnv(env),
    allowStop: parseFlag("DASHBOARD_ALLOW_STOP", env.DASHBOARD_ALLOW_STOP),
  };
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): TargetSettings {
  const url = parseTargetUrl(env.VBM365_URL?.trim() || defaultTarget);
  const ca = env.VBM365_CA_FILE ? readCa(env.VBM365_CA_FILE) : undefined;
  const { VBM365_TOKEN: token, VBM365_USERNAME: username, VBM365_PASSWORD: password } = env;
  if (token) return { url, auth: { token }, ca };
  if (username || password) {
    if (!username || !password) {
      throw new ConfigError("Set both VBM365_USERNAME and VBM365_PASSWORD (or VBM365_TOKEN instead).");
    }
    return { url, auth: { username, password }, ca };
  }
  if (url === defaultTarget) return { url, auth: { token: mockToken }, ca };
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
