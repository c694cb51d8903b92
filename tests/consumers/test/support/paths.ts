// Where things are: the workspace, its public packages, and the scratch projects the global
// setup installed (outside the workspace, in the system's temp directory).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const workspaceBin = (name: string) => join(repoRoot, "node_modules/.bin", name);
export const consumersBin = (name: string) => join(repoRoot, "tests/consumers/node_modules/.bin", name);

/** The packages people install, by name, with their folder in the workspace. */
export const PUBLIC_PACKAGES = {
  "@vbm365/archive": "packages/archive",
  "@vbm365/client": "packages/client",
  "@vbm365/app-support": "packages/app-support",
  "@vbm365/testkit": "packages/testkit",
  "@vbm365/audit": "apps/audit",
  "@vbm365/report": "packages/report",
} as const;
export type PublicPackage = keyof typeof PUBLIC_PACKAGES;

export interface Scratch {
  /** Temp folder holding everything below. */
  root: string;
  /** Tarball of each public package, as `pnpm pack` wrote it. */
  tarballs: Record<PublicPackage, string>;
  /** An app with the client, app-support, testkit and report tarballs installed by npm (and vitest, @types/node). */
  app: string;
  /** The prefix `npm install -g` put the audit CLI in; its `bin/` holds `vbm365-audit`. */
  globalPrefix: string;
}
