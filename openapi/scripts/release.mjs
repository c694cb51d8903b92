// `pnpm release [vN ...]`: records today's bundle of each named version (all when none is
// named) as that version's last released contract, released/vN/openapi.json. The
// breaking-change gate compares every later bundle of the version with that file. Run it
// when a version ships, then commit the released files with the spec.
import { copyFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { apiVersions, bundlePaths } from "../index.js";
import { readJson, releasedPath } from "./breaking-changes.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const asked = process.argv.slice(2);
const unknown = asked.filter((version) => !apiVersions.includes(version));
if (unknown.length > 0) {
  console.error(`Unknown API version(s) ${unknown.join(", ")}: name some of ${apiVersions.join(", ")}, or none for all.`);
  process.exit(1);
}
const bundled = spawnSync(process.execPath, [here("./bundle.mjs")], { cwd: here(".."), stdio: "inherit" });
if (bundled.status !== 0) process.exit(1);
for (const version of asked.length > 0 ? asked : apiVersions) {
  const target = releasedPath(version);
  mkdirSync(fileURLToPath(new URL(".", `file://${target}`)), { recursive: true });
  copyFileSync(bundlePaths(version).json, target);
  console.log(`released/${version}/openapi.json is now version ${readJson(target).info.version}; commit it.`);
}
