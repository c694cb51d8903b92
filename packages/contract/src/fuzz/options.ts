// The settings of a fuzz run, from VBM365_FUZZ_* (the `pnpm contract --fuzz` flags set
// them): how many runs, how long, which seed, which property, which spec. The API version
// is the checks' own setting (VBM365_API_VERSION, `--api-version`, auto by default), read
// by version.ts. A mistake is a one-line ContractSettingsError naming the flag.
import type { Target } from "../target.js";
import { ContractSettingsError } from "../target.js";
import { loadSpec, type OpenApiDocument } from "../spec.js";
import { specOf, versionSetting, type VersionSetting } from "../version.js";

export interface FuzzOptions {
  /** Runs per property (fast-check numRuns). */
  runs: number;
  /** The whole run stops after this long, shrinking included; shared by the properties. */
  maxTimeMs: number;
  seed: number;
  /** Only this property (`requests`, `paging`, `sequences`). */
  property?: string;
  /** fast-check's path to one counterexample, to replay it alone. */
  path?: string;
  /** v6, v7, v8 or auto (probe the target, the highest served wins): whose bundle is fuzzed. */
  apiVersion: VersionSetting;
  /** A spec file given with --spec, fuzzed instead of the version's bundle. */
  specPath?: string;
}

export const propertyNames = ["requests", "paging", "sequences"] as const;

function whole(env: NodeJS.ProcessEnv, name: string, flag: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(value >= min) || !Number.isSafeInteger(value))
    throw new ContractSettingsError(`${flag} must be a whole number, ${min} or more, not "${raw}".`);
  return value;
}

export function fuzzOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FuzzOptions {
  const runs = whole(env, "VBM365_FUZZ_RUNS", "--runs", 100, 1);
  const maxTimeMs = whole(env, "VBM365_FUZZ_MAX_TIME", "--max-time (seconds)", 30, 1) * 1000;
  // A seed fast-check takes: a 32-bit integer; a fresh one per run unless given.
  const seed = whole(env, "VBM365_FUZZ_SEED", "--seed", Math.floor(Math.random() * 2 ** 31), 0);
  if (seed >= 2 ** 32) throw new ContractSettingsError(`--seed must be below 4294967296, not "${env.VBM365_FUZZ_SEED}".`);
  const property = env.VBM365_FUZZ_PROPERTY || undefined;
  if (property !== undefined && !(propertyNames as readonly string[]).includes(property)) {
    throw new ContractSettingsError(`--property must be one of ${propertyNames.join(", ")}, not "${property}".`);
  }
  const path = env.VBM365_FUZZ_PATH || undefined;
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path))
    throw new ContractSettingsError(`--path must be fast-check's replay path such as 12:0:3, not "${path}".`);
  if (path !== undefined && property === undefined)
    throw new ContractSettingsError("--path replays one property: give --property too (both are printed with a failure).");
  if (path !== undefined && property === "sequences")
    throw new ContractSettingsError("a sequence replays with --seed and --runs alone (as printed with its failure), not with --path.");
  const apiVersion = versionSetting(env);
  const specPath = env.VBM365_FUZZ_SPEC || undefined;
  if (specPath && apiVersion !== "auto") throw new ContractSettingsError("give --spec FILE or --api-version VERSION, not both.");
  return { runs, maxTimeMs, seed, property, path, apiVersion, specPath };
}

/**
 * The document requests are generated from: the --spec file, else the bundle of the
 * version the target was held to (pinned, or chosen by the auto probe when it started).
 */
export function fuzzedSpec(options: Pick<FuzzOptions, "specPath">, target: Pick<Target, "apiVersion">): OpenApiDocument {
  return options.specPath ? loadSpec(options.specPath) : specOf(target.apiVersion);
}
