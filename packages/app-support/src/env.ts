// The one reader of the VBM365_* connection variables, for every app and the contract suite:
// VBM365_URL, VBM365_TOKEN or VBM365_USERNAME + VBM365_PASSWORD, VBM365_CA_FILE and
// VBM365_API_VERSION. A bad value is a SettingsError naming the variable; a secret is never
// repeated in a message.
import { readFileSync } from "node:fs";
import type { ApiVersionOption } from "@vbm365/client";
import type { CredentialSource, ServerSettings } from "./servers.js";
import { complainAs, SettingsError, type Complain } from "./settings-error.js";

const API_VERSION_OPTIONS: readonly ApiVersionOption[] = ["v6", "v7", "v8", "auto"];

/** How an app wants the environment read, where apps differ. */
export interface EnvServerOptions {
  /** A server root given another way, such as a `--url` flag: used instead of VBM365_URL. */
  url?: string;
  /** A REST API version given another way, such as `--api-version`, with the name to quote in messages. */
  apiVersion?: { value: string; source: string };
  /** Where to connect when no URL and no credentials are set (the local mock, which takes any token). */
  mock?: { baseUrl: string; token: string };
  /** Asked for the password when VBM365_USERNAME is set without VBM365_PASSWORD; without it, that is an error now. */
  askPassword?: (username: string, baseUrl: string) => Promise<string>;
}

/**
 * The one server the environment names, called "default"; undefined when it names none (no
 * VBM365_URL, no `url`, no `mock`). Unset and empty variables are the same: an empty one is
 * an unfilled template.
 */
export function serverFromEnv(env: NodeJS.ProcessEnv, options: EnvServerOptions = {}): ServerSettings | undefined {
  const apiVersion = options.apiVersion
    ? parseApiVersion(options.apiVersion.value, options.apiVersion.source)
    : parseApiVersion(env.VBM365_API_VERSION?.trim() || "auto", "VBM365_API_VERSION");
  const token = env.VBM365_TOKEN || undefined;
  const username = env.VBM365_USERNAME || undefined;
  const url = options.url ?? (env.VBM365_URL?.trim() || undefined);
  if (url === undefined) {
    if (!options.mock) return undefined;
    if (token !== undefined || username !== undefined || env.VBM365_PASSWORD) {
      throw new SettingsError("credentials are set but no server: set VBM365_URL, such as https://vbm.example:4443");
    }
    const mockToken = options.mock.token;
    return {
      name: "default",
      baseUrl: options.mock.baseUrl,
      apiVersion,
      tags: {},
      credentials: { kind: "token", read: async () => mockToken },
    };
  }
  const baseUrl = parseServerUrl(url, options.url === undefined ? "VBM365_URL" : "the server URL");
  const caFile = env.VBM365_CA_FILE || undefined;
  if (caFile !== undefined) readCaFile(caFile, "VBM365_CA_FILE");
  return {
    name: "default",
    baseUrl,
    apiVersion,
    ...(caFile ? { caFile } : {}),
    tags: {},
    credentials: credentialsFromEnv(env, baseUrl, options),
  };
}

function credentialsFromEnv(env: NodeJS.ProcessEnv, baseUrl: string, options: EnvServerOptions): CredentialSource {
  const token = env.VBM365_TOKEN || undefined;
  if (token !== undefined) return { kind: "token", read: async () => token };
  const username = env.VBM365_USERNAME || undefined;
  const password = env.VBM365_PASSWORD || undefined;
  if (username === undefined) {
    const why = password === undefined ? "" : " (VBM365_PASSWORD is set without VBM365_USERNAME)";
    throw new SettingsError(`no credentials for ${baseUrl}${why}: set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD`);
  }
  if (password !== undefined) return { kind: "login", username, readPassword: async () => password };
  const ask = options.askPassword;
  if (!ask) throw new SettingsError("VBM365_USERNAME is set but VBM365_PASSWORD is not: set VBM365_PASSWORD (or VBM365_TOKEN instead)");
  return { kind: "login", username, readPassword: () => ask(username, baseUrl) };
}

/**
 * An `http(s)://` server root without credentials, query or fragment, trailing slashes
 * removed. `setting` is the name messages start with, or how the reader says where (the
 * configuration file: its line and field); `credentialsHint` says where credentials go instead.
 */
export function parseServerUrl(
  text: string,
  setting: string | Complain,
  credentialsHint = "use VBM365_USERNAME and VBM365_PASSWORD",
): string {
  const complain = complainAs(setting);
  const shown = `'${withoutUserinfo(text)}'`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw complain(`${shown} is not a URL: use the server root, such as https://vbm.example:4443`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw complain(`${shown} must start with https:// (or http://), such as https://vbm.example:4443`);
  // Credentials belong in settings of their own, where they are never printed.
  if (url.username || url.password) throw complain(`must not contain credentials: ${credentialsHint}`);
  if (url.search || url.hash) throw complain(`${shown} must be the server root, without ?query or #fragment`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** `v6`, `v7`, `v8` or `auto` in any case; `setting` is what the message calls it (or how the reader says where). */
export function parseApiVersion(text: string, setting: string | Complain): ApiVersionOption {
  const option = API_VERSION_OPTIONS.find((candidate) => candidate === text.trim().toLowerCase());
  if (!option) throw complainAs(setting)(`'${text.slice(0, 20)}' is not known: use v6, v7, v8 or auto (the newest the server serves)`);
  return option;
}

/** The PEM text of a CA file; `name` is the setting that named it. */
export function readCaFile(path: string, name: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new SettingsError(`${name} ${path}: ${code}: point it at the PEM file of the CA that signed the server certificate`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new SettingsError(
      `${name} ${path}: not a PEM certificate: point it at the PEM file of the CA that signed the server certificate`,
    );
  }
  return pem;
}

/** A URL fit to print: any user name and password in it replaced. */
export function withoutUserinfo(text: string): string {
  return text.replace(/\/\/[^/@]*@/, "//***@");
}
