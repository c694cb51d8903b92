// Runs the pinned Redocly CLI quietly: no telemetry, no update notice, and without the
// Node 20 end-of-life banner drowning the findings.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("@redocly/cli/bin/cli.js");

export function redocly(args, options = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    ...options,
  });
  const strip = (text) =>
    (text ?? "")
      .split("\n")
      .filter((line) => !/[║╔╚]/.test(line))
      .join("\n")
      .trim();
  return { status: result.status ?? 1, stdout: strip(result.stdout), stderr: strip(result.stderr) };
}
