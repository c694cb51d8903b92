// Builds the reference site from the bundled spec into dist/index.html. --inlineBundle
// puts Redoc's script into the page, so it renders with no network at view time.
import { mkdirSync } from "node:fs";
import { bundleYamlPath } from "@vbm365/openapi";
import { redocly } from "@vbm365/openapi/redocly";

mkdirSync("dist", { recursive: true });
const { status, stdout, stderr } = redocly([
  "build-docs",
  bundleYamlPath,
  "--inlineBundle",
  "--output",
  "dist/index.html",
  "--title",
  "VBM365 Restore Sessions API",
]);
if (status !== 0) {
  console.error(stdout, stderr, "\nBuilding the docs failed.");
  process.exit(1);
}
console.log("built dist/index.html");
