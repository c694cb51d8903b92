// Where to connect and as whom: --url / VBM365_URL, VBM365_TOKEN or VBM365_USERNAME +
// VBM365_PASSWORD, VBM365_CA_FILE. With none of them (VBM365_URL unset, not empty), the
// local Prism mock, except for `check`.
import { readFile } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { UsageError } from "./errors.js";
import { promptSecret } from "./terminal.js";

export const MOCK_URL = "http://127.0.0.1:4010";
// Prism only checks that an Authorization header is present.
const MOCK_TOKEN = "mock-token";

export type Auth = { token: string } | { username: string; password: string };

export interface ConnectionSettings {
  baseUrl: string;
  auth: Auth;
  /** PEM text of VBM365_CA_FILE. */
  ca?: string;
  /** Values to scrub from anything printed, --debug included. */
  secrets: string[];
}

export interface ConnectionIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stderr: Writable;
}

export async function resolveConnection(urlFlag: string | undefined, io: ConnectionIo, use: { mock: boolean }): Promise<ConnectionSettings> {
  const { env } = io;
  const token = env.VBM365_TOKEN || undefined;
  const username = env.VBM365_USERNAME || undefined;
  const url = urlFlag ?? (env.VBM365_URL || undefined);

  if (url === undefined && !use.mock) {
    // A probe that checked a mock would report OK for a server nobody looked at.
    const why = env.VBM365_URL === undefined ? "VBM365_URL is not set" : "VBM365_URL is empty";
    throw new UsageError(`no server to check: ${why} and no --url given (check never uses the local mock): set VBM365_URL=https://vbm.example:4443, or list servers in vbm365.config.yaml and pass --all-servers`);
  }
  if (url === undefined && env.VBM365_URL !== undefined) {
    // Set but empty is a broken configuration (an unfilled template), not a wish for the mock.
    throw new UsageError("VBM365_URL is set but empty: set it to the server root, such as https://vbm.example:4443 (unset it to use the local mock)");
  }
  if (url === undefined && token === undefined && username === undefined) {
    io.stderr.write(`vbm365-audit: no VBM365_URL or --url set: using the local mock ${MOCK_URL} with a dummy token (start it with 'pnpm mock'; for real servers set VBM365_URL, or list them in vbm365.config.yaml and pass --all-servers)\n`);
    return { baseUrl: MOCK_URL, auth: { token: MOCK_TOKEN }, secrets: [] };
  }
  if (url === undefined) throw new UsageError("credentials are set but no server: set VBM365_URL or pass --url https://host:4443");
  const baseUrl = checkUrl(url);
  const ca = await readCa(env.VBM365_CA_FILE || undefined);

  if (token !== undefined) return { baseUrl, auth: { token }, ca, secrets: [token] };
  if (username === undefined) {
    throw new UsageError(`no credentials for ${redactUrl(baseUrl)}: set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD`);
  }
  let password = env.VBM365_PASSWORD || undefined;
  if (password === undefined) {
    if (!io.stdin.isTTY) {
      throw new UsageError("VBM365_USERNAME is set but VBM365_PASSWORD is not, and there is no terminal to ask on: set VBM365_PASSWORD");
    }
    password = await promptSecret(`Password for ${username} at ${redactUrl(baseUrl)}: `, io.stdin, io.stderr);
    if (!password) throw new UsageError("no password entered: type it at the prompt or set VBM365_PASSWORD");
  }
  return { baseUrl, auth: { username, password }, ca, secrets: [password] };
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`server URL '${redactUrl(text)}' is not a URL: use the server root, such as https://vbm.example:4443`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`server URL '${redactUrl(text)}' must start with https:// (or http://)`);
  }
  if (url.username || url.password) {
    throw new UsageError("the server URL must not contain credentials: use VBM365_USERNAME and VBM365_PASSWORD");
  }
  return text.replace(/\/+$/, "");
}

async function readCa(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    const pem = await readFile(path, "utf8");
    if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw Object.assign(new Error(), { code: "not a PEM certificate" });
    return pem;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`VBM365_CA_FILE ${path}: ${code}: point it at the PEM file of the CA that signed the server certificate`);
  }
}

/** A URL fit to print: userinfo removed. */
export function redactUrl(text: string): string {
  return text.replace(/\/\/[^/@]*@/, "//***@");
}
