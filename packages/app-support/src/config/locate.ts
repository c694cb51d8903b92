// Which configuration file to read: --config, else VBM365_CONFIG, else vbm365.config.yaml in
// the current folder, else config.yaml in the user's folder ($XDG_CONFIG_HOME/vbm365/, or
// ~/.config/vbm365/). A path given explicitly must exist; the searched places may not.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { ConfigFileError } from "./errors.js";

export const CONFIG_FILE_NAME = "vbm365.config.yaml";
export const USER_CONFIG_FILE_NAME = "config.yaml";

export interface LocateOptions {
  /** The --config value, if given. */
  flag?: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  home?: string;
}

export interface LocatedConfig {
  path: string;
  /** How it was found, for messages: "--config", "VBM365_CONFIG", "current folder", "user folder". */
  source: string;
}

/** The user's folder for this tool's configuration. */
export function userConfigFolder(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return join(xdg ? xdg : join(home, ".config"), "vbm365");
}

/** The places searched, in order, for messages ("no configuration file at ..."). */
export function searchedPlaces(options: LocateOptions): string[] {
  const cwd = options.cwd ?? process.cwd();
  return [join(cwd, CONFIG_FILE_NAME), join(userConfigFolder(options.env, options.home), USER_CONFIG_FILE_NAME)];
}

export function locateConfig(options: LocateOptions): LocatedConfig | undefined {
  const cwd = options.cwd ?? process.cwd();
  const explicit =
    options.flag !== undefined
      ? { text: options.flag, source: "--config" }
      : options.env.VBM365_CONFIG
        ? { text: options.env.VBM365_CONFIG, source: "VBM365_CONFIG" }
        : undefined;
  if (explicit) {
    const path = resolve(cwd, explicit.text);
    // Named on purpose: a typo must not fall back to another file silently.
    if (!existsSync(path))
      throw new ConfigFileError(
        `${explicit.source} ${explicit.text}: no such file: check the path, or create it (see 'Fleet' in the README)`,
        "",
      );
    return { path, source: explicit.source };
  }
  const [inCwd, inUserFolder] = searchedPlaces(options) as [string, string];
  if (existsSync(inCwd)) return { path: inCwd, source: "current folder" };
  if (existsSync(inUserFolder)) return { path: inUserFolder, source: "user folder" };
  return undefined;
}
