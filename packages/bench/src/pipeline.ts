// Item 5: wall time of `turbo run build` over the whole repo from an empty cache, then
// again with nothing changed. The cache lives in a temporary folder of its own, so the
// shared .turbo cache of the other engineers is neither read nor filled.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Row } from "./report.js";

export const COLD_BUILD = "cold turbo run build (empty cache)";
export const WARM_BUILD = "warm re-run, nothing changed";

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("not inside the vbm365 workspace (no pnpm-workspace.yaml above)");
    dir = parent;
  }
  return dir;
}

export interface TurboRun {
  ms: number;
  cached: number;
  total: number;
}

/** Reads turbo's closing `Cached: N cached, M total` line. */
export function parseTurboSummary(output: string): { cached: number; total: number } {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  if (!match) throw new Error("turbo printed no 'Cached: N cached, M total' line");
  return { cached: Number(match[1]), total: Number(match[2]) };
}

function turboBuild(root: string, cacheDir: string): TurboRun {
  const started = performance.now();
  const result = spawnSync(
    join(root, "node_modules/.bin/turbo"),
    ["run", "build", `--cache-dir=${cacheDir}`, "--output-logs=errors-only"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  const ms = performance.now() - started;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`turbo run build failed (exit ${result.status}): ${output.trim().split("\n").slice(-5).join(" / ")}`);
  return { ms, ...parseTurboSummary(output) };
}

/**
 * A re-run is "warm" only if nothing changed since the run before. When other work edits
 * files in between (other engineers, an editor), the re-run rebuilds what changed and
 * fills the cache again; the next one is then warm. So re-run until every task comes from
 * the cache, at most `attempts` times, and say how many it took.
 */
export function warmRun(run: () => TurboRun, attempts: number): TurboRun & { attempt: number } {
  let last: TurboRun | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = run();
    if (last.cached === last.total) return { ...last, attempt };
  }
  return { ...last!, attempt: attempts };
}

export function benchPipeline(): Row[] {
  const root = repoRoot();
  const cacheDir = mkdtempSync(join(tmpdir(), "vbm365-bench-turbo-"));
  try {
    const cold = turboBuild(root, cacheDir);
    const warm = warmRun(() => turboBuild(root, cacheDir), 3);
    const retried = warm.attempt > 1 ? ` (re-run ${warm.attempt}: files changed under earlier ones)` : "";
    return [
      {
        group: "pipeline",
        name: COLD_BUILD,
        median: cold.ms / 1000,
        unit: "s",
        samples: 1,
        note: `${cold.total} tasks, ${cold.cached} cached`,
      },
      {
        group: "pipeline",
        name: WARM_BUILD,
        median: warm.ms / 1000,
        unit: "s",
        ratioTo: COLD_BUILD,
        samples: 1,
        note: `${warm.total} tasks, ${warm.cached} cached${retried}`,
      },
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function skippedPipeline(reason: string): Row[] {
  return [COLD_BUILD, WARM_BUILD].map((name) => ({ group: "pipeline", name, median: null, unit: "s", note: reason }));
}
