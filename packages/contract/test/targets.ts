// The targets the suite runs against: the server named by VBM365_URL, or, without one,
// Prism started from a version's bundle and a testkit server. Both of those are throwaway
// processes, so they run the write checks (Stop) too; a real server needs
// VBM365_CONTRACT_ALLOW_WRITES=1 for that. Every target's API version is chosen as for a
// real server: pinned by VBM365_API_VERSION (or the starter), else probed (auto).
import { startMock } from "@vbm365/openapi/mock";
import { mkdirSync, writeFileSync } from "node:fs";
import {
  chooseVersion,
  ContractSettingsError,
  fullCapabilities,
  prismCapabilities,
  targetFromEnv,
  versionSetting,
  type ApiVersion,
  type Target,
  type VersionSetting,
} from "../src/index.js";
import { startTestServer } from "@vbm365/testkit";
import { startSecondOpinion, type SecondOpinionOptions } from "./second-opinion/server.js";

export interface RunningTarget {
  target: Target;
  close(): Promise<void>;
}

export interface TargetStarter {
  name: string;
  start(): Promise<RunningTarget>;
}

type ChosenVersion = Awaited<ReturnType<typeof chooseVersion>>;

/** A started server as a target: its API version chosen (pinned or probed); the server is closed when that fails. */
async function runningTarget(
  server: { close(): Promise<void> },
  choose: () => Promise<ChosenVersion>,
  target: Omit<Target, "apiVersion" | "versionReason">,
): Promise<RunningTarget> {
  let chosen: ChosenVersion;
  try {
    chosen = await choose();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    target: { ...target, apiVersion: chosen.version, versionReason: chosen.reason },
    close: () => server.close(),
  };
}

/** Prism serving one version's bundle; the version is still probed (or pinned) like any target's. */
export function prism(served: ApiVersion = "v6", setting?: VersionSetting): TargetStarter {
  return {
    name: `prism ${served} (mock of the ${served} bundle)`,
    async start() {
      const mock = await startMock({ version: served });
      return runningTarget(mock, () => chooseVersion(setting ?? versionSetting(), mock.url), {
        name: `prism-${served}`,
        baseUrl: mock.url,
        token: "contract-suite-token",
        credentials: { username: "contract", password: "contract" },
        capabilities: prismCapabilities,
        allowWrites: true,
      });
    },
  };
}

export type TestServerOptions = Parameters<typeof startTestServer>[0];

/** A testkit server (every version unless `options.versions` says otherwise); its version is pinned by `setting` or probed. */
export function testkit(options: TestServerOptions = {}, name = "testkit", setting?: VersionSetting): TargetStarter {
  return {
    name,
    async start() {
      const server = await startTestServer({ sessions: 23, seed: 7, ...options });
      return runningTarget(server, () => chooseVersion(setting ?? versionSetting(), server.url, server.ca), {
        name,
        baseUrl: server.url,
        token: server.token,
        credentials: server.credentials,
        ca: server.ca,
        capabilities: fullCapabilities,
        allowWrites: true,
      });
    },
  };
}

/** The second-opinion server (test/second-opinion), an independent implementation from the facts; probed or pinned like any target. */
export function secondOpinion(options: SecondOpinionOptions = {}, name = "second opinion", setting?: VersionSetting): TargetStarter {
  return {
    name,
    async start() {
      const server = await startSecondOpinion(options);
      return runningTarget(server, () => chooseVersion(setting ?? "auto", server.url), {
        name,
        baseUrl: server.url,
        token: server.token,
        credentials: server.credentials,
        capabilities: fullCapabilities,
        allowWrites: true,
      });
    },
  };
}

export function fromEnv(): TargetStarter | undefined {
  const url = process.env.VBM365_URL?.trim();
  if (!url) return undefined;
  return {
    name: url,
    async start() {
      const target = await targetFromEnv();
      return { target: target!, close: async () => {} };
    },
  };
}

/** A settings mistake is one line for the user, not a stack. */
export function oneLine<T>(error: T): T {
  if (error instanceof ContractSettingsError) error.stack = `ContractSettingsError: ${error.message}`;
  return error;
}

/** Starts a target for a suite; a settings mistake is one line for the user, not a stack. */
export async function startForSuite(starter: TargetStarter): Promise<RunningTarget> {
  try {
    return await starter.start();
  } catch (error) {
    throw oneLine(error);
  }
}

/** Prints a suite's summary and keeps it in artifacts/<kind>-<target>.txt (git-ignored). */
export function keepSummary(kind: string, target: string, summary: string): void {
  console.log(summary);
  mkdirSync("artifacts", { recursive: true });
  writeFileSync(`artifacts/${kind}-${target.replace(/[^\w.-]+/g, "_")}.txt`, `${summary}\n`);
}
