// Which REST API version the checks hold a server to: pinned with VBM365_API_VERSION (or
// `pnpm contract --api-version`), or `auto`: one anonymous request per version, where a
// 401 means the version is served and a 404 means it is not; the highest served wins. The
// reason for the choice goes into the report, so a reader knows which bundle judged the run.
import { parseApiVersion } from "@vbm365/app-support";
import { apiVersions, bundlePaths, type ApiVersion } from "@vbm365/openapi";
import { send } from "./http.js";
import { loadSpec, type OpenApiDocument } from "./spec.js";
import { ContractSettingsError } from "./target.js";

export type { ApiVersion };
export type VersionSetting = ApiVersion | "auto";

export interface ChosenVersion {
  version: ApiVersion;
  /** One line: pinned by whom, or what each probe answered. */
  reason: string;
}

/** VBM365_API_VERSION, checked: a version of the spec or `auto` (the default). */
export function versionSetting(env: NodeJS.ProcessEnv = process.env): VersionSetting {
  try {
    return parseApiVersion(env.VBM365_API_VERSION?.trim() || "auto", "VBM365_API_VERSION (--api-version)");
  } catch (error) {
    // The suite's own settings error: its runner prints those as one line.
    throw new ContractSettingsError((error as Error).message);
  }
}

/** The dereferenced bundle of one version: the operations and schemas its checks use. */
export function specOf(version: ApiVersion): OpenApiDocument {
  return loadSpec(bundlePaths(version).dereferenced);
}

/** The anonymous probe of one version: the version's list of sessions, without a token. */
export function probePath(version: ApiVersion): string {
  return `/${version}/RestoreSessions?limit=1`;
}

type ProbeAnswer = { version: ApiVersion; status: number };

async function probe(baseUrl: string, version: ApiVersion, ca?: string): Promise<ProbeAnswer> {
  const url = new URL(probePath(version), baseUrl).href;
  try {
    return { version, status: (await send({ method: "GET", url, headers: {} }, { ca })).status };
  } catch (error) {
    throw new ContractSettingsError(
      `cannot reach ${new URL(baseUrl).origin}: ${(error as Error).message}. Check VBM365_URL, and VBM365_CA_FILE for a self-signed certificate.`,
    );
  }
}

/**
 * Served or not, from an anonymous answer: 401 served, 404 not. A 2xx is served too (the
 * path exists; the no-token checks will report the missing refusal). Anything else cannot
 * be read either way, so the user is asked to pin the version rather than the suite guess.
 */
function served(answer: ProbeAnswer): boolean {
  if (answer.status === 401 || (answer.status >= 200 && answer.status < 300)) return true;
  if (answer.status === 404) return false;
  throw new ContractSettingsError(
    `GET ${probePath(answer.version)} without a token answered ${answer.status}, neither 401 (served) nor 404 (not served): pin the version with VBM365_API_VERSION=${answer.version} (or --api-version) if the server has it.`,
  );
}

/** Probes every version the spec describes, once each, and picks the highest served. */
export async function probeVersion(baseUrl: string, ca?: string): Promise<ChosenVersion> {
  const answers: ProbeAnswer[] = [];
  for (const version of [...apiVersions].reverse()) answers.push(await probe(baseUrl, version, ca));
  const said = answers.map((a) => `${a.version} ${a.status}`).join(", ");
  const best = answers.find(served);
  if (!best) {
    throw new ContractSettingsError(
      `${new URL(baseUrl).origin} serves none of ${apiVersions.join(", ")} (anonymous probes answered ${said}): check VBM365_URL is the REST API root.`,
    );
  }
  return {
    version: best.version,
    reason: `auto: the highest version served (anonymous GET /{version}/RestoreSessions answered ${said}; 401 served, 404 not)`,
  };
}

/** The version the run checks: the setting when pinned, else the probe's answer. */
export async function chooseVersion(setting: VersionSetting, baseUrl: string, ca?: string): Promise<ChosenVersion> {
  if (setting !== "auto") return { version: setting, reason: `pinned by VBM365_API_VERSION=${setting}` };
  return probeVersion(baseUrl, ca);
}
