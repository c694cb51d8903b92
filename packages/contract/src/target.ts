// What the suite runs against, and what that target is able to do. Prism answers every
// call with the spec's example, so checks that need state (404s, paging, filters, token
// validation) are skipped there with the reason; every other target is held to all of them.
import { readCaFile, serverFromEnv, SettingsError } from "@vbm365/app-support";
import { send } from "./http.js";
import { chooseVersion, versionSetting, type ApiVersion } from "./version.js";

export interface Capabilities {
  /** Keeps real data: pages, filters and says 404 for an unknown id. */
  stateful: boolean;
  /** Rejects a bearer token it did not issue (Prism only checks the header is there). */
  validatesTokens: boolean;
}

export interface Target {
  /** For reports; never holds a secret. */
  name: string;
  baseUrl: string;
  /** The access token sent as `Authorization: Bearer`. */
  token: string;
  /** When known, the `token` operation is checked with them. */
  credentials?: { username: string; password: string };
  ca?: string;
  capabilities: Capabilities;
  /** Operations that change state (Stop) run only when this is true. */
  allowWrites: boolean;
  /** Upper bound of pages a paging walk follows when the total is unknown. */
  maxPages?: number;
  /** Checks that must run for the run to pass (default: one per read operation). */
  minChecks?: number;
  /** The REST API version the checks hold the target to (its bundle judges every answer). */
  apiVersion: ApiVersion;
  /** Why that version: pinned by a setting, or what the auto probe saw. */
  versionReason: string;
  /** Sees every request the checks send (tests use it to prove read-only runs). */
  onRequest?: (method: string, path: string) => void;
}

export const prismCapabilities: Capabilities = { stateful: false, validatesTokens: false };
export const fullCapabilities: Capabilities = { stateful: true, validatesTokens: true };

/** A user mistake in the settings: shown as one line, never with a stack. */
export class ContractSettingsError extends SettingsError {}

/** What `read` returns; a bad VBM365_* setting (app-support's reader) as the suite's own settings error. */
function fromSettings<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SettingsError && !(error instanceof ContractSettingsError)) throw new ContractSettingsError(error.message);
    throw error;
  }
}

/** Exchanges a user name and password for an access token (`POST /{version}/token`). */
export async function fetchToken(
  baseUrl: string,
  credentials: { username: string; password: string },
  version: ApiVersion,
  ca?: string,
): Promise<string> {
  // v7 and later want the antiforgery token switched off for a scripted login.
  const form: Record<string, string> = { grant_type: "password", ...credentials };
  if (version !== "v6") form.disable_antiforgery_token = "true";
  const body = new URLSearchParams(form).toString();
  let res: Awaited<ReturnType<typeof send>>;
  try {
    res = await send(
      {
        method: "POST",
        url: new URL(`/${version}/token`, baseUrl).href,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      },
      { ca },
    );
  } catch (error) {
    throw new ContractSettingsError(
      `cannot log in at ${new URL(baseUrl).origin}: ${(error as Error).message}. Check VBM365_URL, and VBM365_CA_FILE for a self-signed certificate.`,
    );
  }
  let token: unknown;
  try {
    token = (JSON.parse(res.text) as { access_token?: unknown }).access_token;
  } catch {
    token = undefined;
  }
  if (res.status === 404) {
    throw new ContractSettingsError(
      `the server does not serve ${version} (POST /${version}/token answered 404): pin another VBM365_API_VERSION, or use auto.`,
    );
  }
  if (res.status !== 200 || typeof token !== "string") {
    throw new ContractSettingsError(
      `POST /${version}/token answered ${res.status} without an access_token: check VBM365_USERNAME and VBM365_PASSWORD (or set VBM365_TOKEN).`,
    );
  }
  return token;
}

/**
 * One call before the checks, so an unreachable server, an untrusted certificate or a
 * refused token is one settings error instead of every check failing the same way.
 */
async function preflight(baseUrl: string, token: string, version: ApiVersion, ca?: string): Promise<void> {
  const url = new URL(`/${version}/RestoreSessions?limit=1`, baseUrl).href;
  let status: number;
  try {
    status = (await send({ method: "GET", url, headers: { authorization: `Bearer ${token}` } }, { ca })).status;
  } catch (error) {
    throw new ContractSettingsError(
      `cannot reach ${new URL(baseUrl).origin}: ${(error as Error).message}. Check VBM365_URL, and VBM365_CA_FILE for a self-signed certificate.`,
    );
  }
  if (status === 401) {
    throw new ContractSettingsError(
      "the server refused the token (401): give a fresh VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD.",
    );
  }
  if (status === 404) {
    throw new ContractSettingsError(
      `the server does not serve ${version} (GET /${version}/RestoreSessions answered 404): pin another VBM365_API_VERSION, or use auto.`,
    );
  }
}

/** The target named by VBM365_* variables, or undefined when VBM365_URL is not set. */
export async function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Target | undefined> {
  const setting = versionSetting(env);
  const server = fromSettings(() => serverFromEnv(env, { apiVersion: { value: setting, source: "VBM365_API_VERSION (--api-version)" } }));
  if (!server) return undefined;
  const baseUrl = new URL(server.baseUrl);
  const ca = server.caFile === undefined ? undefined : fromSettings(() => readCaFile(server.caFile!, "VBM365_CA_FILE"));
  const maxPages = env.VBM365_CONTRACT_MAX_PAGES ? Number(env.VBM365_CONTRACT_MAX_PAGES) : undefined;
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0)) {
    throw new ContractSettingsError(`VBM365_CONTRACT_MAX_PAGES must be a positive whole number, not "${env.VBM365_CONTRACT_MAX_PAGES}".`);
  }
  const minChecks = env.VBM365_CONTRACT_MIN_CHECKS ? Number(env.VBM365_CONTRACT_MIN_CHECKS) : undefined;
  if (minChecks !== undefined && !(Number.isInteger(minChecks) && minChecks >= 0)) {
    throw new ContractSettingsError(
      `VBM365_CONTRACT_MIN_CHECKS must be a whole number of checks, 0 or more, not "${env.VBM365_CONTRACT_MIN_CHECKS}".`,
    );
  }
  const credentials =
    server.credentials.kind === "login"
      ? { username: server.credentials.username, password: await server.credentials.readPassword() }
      : undefined;
  // Settings are all read; only now talk to the server: the version first, since the token
  // path and every data path carry it.
  const { version, reason } = await chooseVersion(setting, baseUrl.href, ca);
  const token =
    server.credentials.kind === "token" ? await server.credentials.read() : await fetchToken(baseUrl.href, credentials!, version, ca);
  await preflight(baseUrl.href, token, version, ca);
  return {
    name: baseUrl.origin,
    baseUrl: baseUrl.href,
    token,
    credentials,
    ca,
    // A Prism mock started by hand says so with VBM365_CONTRACT_STATELESS=1.
    capabilities: env.VBM365_CONTRACT_STATELESS === "1" ? prismCapabilities : fullCapabilities,
    allowWrites: env.VBM365_CONTRACT_ALLOW_WRITES === "1",
    maxPages,
    minChecks,
    apiVersion: version,
    versionReason: reason,
  };
}
