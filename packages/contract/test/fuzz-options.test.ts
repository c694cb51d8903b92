// The fuzz settings and the `pnpm contract` flags: defaults, the bundle of the version under
// test, and a one-line error naming the flag for each mistake.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ContractSettingsError, fuzzOptionsFromEnv } from "../src/index.js";

const script = fileURLToPath(new URL("../scripts/contract.mjs", import.meta.url));
const settingsError = (env: NodeJS.ProcessEnv) => {
  try {
    fuzzOptionsFromEnv(env);
    return "no error";
  } catch (error) {
    return error instanceof ContractSettingsError ? error.message : `not a settings error: ${String(error)}`;
  }
};

describe("fuzz settings", () => {
  it("default to 100 runs, 30 s, a fresh seed and the version the auto probe picks", () => {
    const options = fuzzOptionsFromEnv({});
    expect(options).toMatchObject({
      runs: 100,
      maxTimeMs: 30_000,
      apiVersion: "auto",
      specPath: undefined,
      property: undefined,
      path: undefined,
    });
    expect(options.seed).toBeGreaterThanOrEqual(0);
    expect(options.seed).toBeLessThan(2 ** 31);
  });

  it("take the runs, time, seed, replay path and the version under test", () => {
    const env = {
      VBM365_FUZZ_RUNS: "7",
      VBM365_FUZZ_MAX_TIME: "5",
      VBM365_FUZZ_SEED: "42",
      VBM365_FUZZ_PROPERTY: "paging",
      VBM365_FUZZ_PATH: "3:0:1",
      VBM365_API_VERSION: "v8",
    };
    expect(fuzzOptionsFromEnv(env)).toEqual({
      runs: 7,
      maxTimeMs: 5000,
      seed: 42,
      property: "paging",
      path: "3:0:1",
      apiVersion: "v8",
      specPath: undefined,
    });
    expect(fuzzOptionsFromEnv({ VBM365_FUZZ_SPEC: "x.json" })).toMatchObject({ apiVersion: "auto", specPath: "x.json" });
  });

  it.each([
    [{ VBM365_FUZZ_RUNS: "0" }, '--runs must be a whole number, 1 or more, not "0".'],
    [{ VBM365_FUZZ_MAX_TIME: "1.5" }, '--max-time (seconds) must be a whole number, 1 or more, not "1.5".'],
    [{ VBM365_FUZZ_SEED: "abc" }, '--seed must be a whole number, 0 or more, not "abc".'],
    [{ VBM365_FUZZ_SEED: "4294967296" }, '--seed must be below 4294967296, not "4294967296".'],
    [{ VBM365_FUZZ_PROPERTY: "walks" }, '--property must be one of requests, paging, sequences, not "walks".'],
    [{ VBM365_FUZZ_PATH: "3:0" }, "--path replays one property: give --property too (both are printed with a failure)."],
    [
      { VBM365_FUZZ_PROPERTY: "paging", VBM365_FUZZ_PATH: "three" },
      '--path must be fast-check\'s replay path such as 12:0:3, not "three".',
    ],
    [
      { VBM365_FUZZ_PROPERTY: "sequences", VBM365_FUZZ_PATH: "3:0" },
      "a sequence replays with --seed and --runs alone (as printed with its failure), not with --path.",
    ],
    [
      { VBM365_API_VERSION: "v9" },
      "VBM365_API_VERSION (--api-version) 'v9' is not known: use v6, v7, v8 or auto (the newest the server serves)",
    ],
    [{ VBM365_API_VERSION: "v7", VBM365_FUZZ_SPEC: "x.json" }, "give --spec FILE or --api-version VERSION, not both."],
  ])("%j is refused with one line naming the flag", (env, message) => {
    expect(settingsError(env)).toBe(message);
  });
});

describe("pnpm contract with bad flags", () => {
  it.each([
    [["--fuzz", "--workflows"], "give --fuzz or --workflows, not both"],
    [["--runs", "5"], "--runs belongs to --fuzz"],
    [["--workflow", "login"], "--workflow belongs to --workflows"],
    [["--fuz"], "Unknown option '--fuz'"],
  ])("%j exits 2 with one line and the usage", (args, message) => {
    const result = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
    expect(result.status).toBe(2);
    const [first, second] = result.stderr.split("\n");
    expect(first).toContain(`contract: ${message}`);
    expect(second).toMatch(/^usage: pnpm contract /);
  });
});

describe("pnpm contract --api-version", () => {
  it.each([[[]], [["--workflows"]]])(
    "%j: a version the spec does not describe fails the run with one line naming the flag, before any server starts",
    (mode) => {
      const env = { ...process.env, VBM365_URL: "", VBM365_API_VERSION: undefined, NO_COLOR: "1", FORCE_COLOR: "0" };
      const result = spawnSync(process.execPath, [script, ...mode, "--api-version", "v9"], { encoding: "utf8", env });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status).toBe(1);
      expect(output).toContain(
        "Error: VBM365_API_VERSION (--api-version) 'v9' is not known: use v6, v7, v8 or auto (the newest the server serves)",
      );
      expect(output).not.toMatch(/^\s+(at|❯) .*version\.ts/m);
    },
  );
});
