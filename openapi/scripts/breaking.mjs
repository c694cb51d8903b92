// `pnpm breaking`: the breaking-change gate on the command line (the test suite runs it too).
// For each API version, compares dist/vN/openapi.json (run `pnpm bundle` first) with that
// version's last release, released/vN/openapi.json.
import { existsSync } from "node:fs";
import { apiVersions, bundlePaths } from "../index.js";
import { checkAgainstRelease, readJson, releasedPath } from "./breaking-changes.mjs";

let failed = false;
for (const version of apiVersions) {
  const currentPath = bundlePaths(version).json;
  if (!existsSync(currentPath)) {
    console.error(`No bundle at ${currentPath}: run \`pnpm --filter @vbm365/openapi bundle\` first.`);
    process.exit(1);
  }
  if (!existsSync(releasedPath(version))) {
    console.error(
      `${version}: no release at ${releasedPath(version)}: run \`pnpm --filter @vbm365/openapi release ${version}\` once and commit it.`,
    );
    failed = true;
    continue;
  }
  const released = readJson(releasedPath(version));
  const current = readJson(currentPath);
  const { changes, ok } = checkAgainstRelease(released, current);
  for (const change of changes) console.error(`${version} breaking: ${change}`);
  if (!ok) {
    failed = true;
    console.error(
      `\n${version}: ${changes.length} breaking change(s) against release ${released.info.version} while info.version is ${current.info.version}.\n` +
        "Undo them, or bump the major of info.version in openapi/openapi.yaml if the break is meant.\n",
    );
    continue;
  }
  console.log(
    changes.length === 0
      ? `${version}: no breaking change against release ${released.info.version}.`
      : `${version}: ${changes.length} breaking change(s), allowed by the major bump ${released.info.version} -> ${current.info.version}.`,
  );
}
if (failed) process.exit(1);
