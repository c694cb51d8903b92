// `pnpm breaking`: the breaking-change gate on the command line (the test suite runs it too).
// Compares dist/openapi.json (run `pnpm bundle` first) with released/openapi.json.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkAgainstRelease, readJson } from "./breaking-changes.mjs";

const releasedPath = fileURLToPath(new URL("../released/openapi.json", import.meta.url));
const currentPath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
if (!existsSync(currentPath)) {
  console.error("No bundle at openapi/dist/openapi.json: run `pnpm --filter @vbm365/openapi bundle` first.");
  process.exit(1);
}
const released = readJson(releasedPath);
const current = readJson(currentPath);
const { changes, majorBumped, ok } = checkAgainstRelease(released, current);
for (const change of changes) console.error(`breaking: ${change}`);
if (!ok) {
  console.error(
    `\n${changes.length} breaking change(s) against release ${released.info.version} while info.version is ${current.info.version}.\n` +
      "Undo them, or bump the major of info.version in openapi/openapi.yaml if the break is meant.",
  );
  process.exit(1);
}
console.log(
  changes.length === 0
    ? `No breaking change against release ${released.info.version}.`
    : `${changes.length} breaking change(s), allowed by the major bump ${released.info.version} -> ${current.info.version}.`,
);
