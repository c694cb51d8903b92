// The targets the suite runs against: the server named by VBM365_URL, or, without one,
// Prism started from the bundle and a testkit server. Both of those are throwaway
// processes, so they run the write checks (Stop) too; a real server needs
// VBM365_CONTRACT_ALLOW_WRITES=1 for that.
import { startMock } from "@vbm365/openapi/mock";
import { mkdirSync, writeFileSync } from "node:fs";
import { ContractSettingsError, fullCapabilities, prismCapabilities, targetFromEnv, type Target } from "../src/index.js";
import { startTestServer } from "@vbm365/testkit";

export interface RunningTarget {
  target: Target;
  close(): Promise<void>;
}

export interface TargetStarter {
  name: string;
  start(): Promise<RunningTarget>;
}

export const prism: TargetStarter = {
  name: "prism (mock of the bundle)",
  async start() {
    const mock = await startMock();
    return {
      target: {
        name: "prism",
        baseUrl: mock.url,
        token: "contract-suite-token",
        credentials: { username: "contract", password: "contract" },
        capabilities: prismCapabilities,
        allowWrites: true,
      },
      close: () => mock.close(),
    };
  },
};

export type TestServerOptions = Parameters<typeof startTestServer>[0];

export function testkit(options: TestServerOptions = {}, name = "testkit"): TargetStarter {
  return {
    name,
    async start() {
      const server = await startTestServer({ sessions: 23, seed: 7, ...options });
      return {
        target: {
          name,
          baseUrl: server.url,
          token: server.token,
          credentials: server.credentials,
          ca: server.ca,
          capabilities: fullCapabilities,
          allowWrites: true,
        },
        close: () => server.close(),
      };
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

/** Starts a target for a suite; a settings mistake is one line for the user, not a stack. */
export async function startForSuite(starter: TargetStarter): Promise<RunningTarget> {
  try {
    return await starter.start();
  } catch (error) {
    if (error instanceof ContractSettingsError) error.stack = `ContractSettingsError: ${error.message}`;
    throw error;
  }
}

/** Prints a suite's summary and keeps it in artifacts/<kind>-<target>.txt (git-ignored). */
export function keepSummary(kind: string, target: string, summary: string): void {
  console.log(summary);
  mkdirSync("artifacts", { recursive: true });
  writeFileSync(`artifacts/${kind}-${target.replace(/[^\w.-]+/g, "_")}.txt`, `${summary}\n`);
}
