// npm the way a user runs it: their own settings (user and global npmrc: registry, CA,
// proxy), none of the `npm_config_*` variables pnpm and turbo set for this run.
import { mkdirSync } from "node:fs";
import { runOrThrow, type Ran } from "./run.js";

export const NPM_QUIET = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];

export type Env = Record<string, string | undefined>;

/** npm reads `npm_config_*` variables as its settings: those pnpm and turbo set for this run
 * are not a user's, so the consumer's npm starts without any `npm_` variable. */
export function usersNpmEnv(): Env {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => /^npm_/i.test(name))
      .map((name) => [name, undefined]),
  );
}

/** Where this user's npm reads its global npmrc (`<node prefix>/etc/npmrc` unless moved). */
export async function usersGlobalConfig(cwd: string, env: Env): Promise<string> {
  const { stdout } = await runOrThrow("npm", ["config", "get", "globalconfig"], { cwd, env });
  return stdout.trim();
}

/**
 * `npm install --global` into `prefix`. npm derives its global npmrc from the prefix, so
 * `--prefix` alone would swap the user's global config (where corporate machines keep the
 * CA and proxy) for an empty `<prefix>/etc/npmrc`; `--globalconfig` keeps the user's.
 */
export async function installGlobally(prefix: string, packages: string[], env: Env): Promise<Ran> {
  mkdirSync(prefix, { recursive: true });
  const globalconfig = await usersGlobalConfig(prefix, env);
  const args = ["install", "--global", "--prefix", prefix, "--globalconfig", globalconfig, ...NPM_QUIET, ...packages];
  return runOrThrow("npm", args, { cwd: prefix, env });
}
