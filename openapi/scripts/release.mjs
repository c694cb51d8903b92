// `pnpm release`: records today's bundle as the last released contract. The breaking-change
// gate compares every later bundle with this file. Run it when a version ships, then commit
// openapi/released/openapi.json with the spec.
import { copyFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readJson } from "./breaking-changes.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bundled = spawnSync(process.execPath, [here("./bundle.mjs")], { cwd: here(".."), stdio: "inherit" });
if (bundled.status !== 0) process.exit(1);
mkdirSync(here("../released"), { recursive: true });
copyFileSync(here("../dist/openapi.json"), here("../released/openapi.json"));
console.log(`released/openapi.json is now version ${readJson(here("../released/openapi.json")).info.version}; commit it.`);
