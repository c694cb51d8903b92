// Builds the static site into dist/: decorates a copy of the bundled spec with code
// samples and our logo (build/openapi.json), renders it with `redocly build-docs
// --inlineBundle` so Redoc's script is inside the page, then drops the one CDN reference
// Redoc keeps. The result makes no request beyond its own host.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleJsonPath } from "@vbm365/openapi";
import { redocly } from "@vbm365/openapi/redocly";
import { decorateSpec, readTypeScriptSamples } from "../lib/decorate.mjs";
import { inlineRedoclyAttribution } from "../lib/offline.mjs";
import { redocOptions } from "../lib/redoc-options.mjs";

const here = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const title = "vbm365 · Restore Sessions API reference";

function fail(message) {
  console.error(message);
  process.exit(1);
}

let spec;
try {
  spec = JSON.parse(readFileSync(bundleJsonPath, "utf8"));
} catch (error) {
  fail(`Cannot read the bundled spec at ${bundleJsonPath} (${error.message}). Run \`pnpm --filter @vbm365/openapi bundle\` first.`);
}

let decorated;
try {
  decorated = decorateSpec(spec, {
    typeScriptSamples: readTypeScriptSamples(here("samples")),
    logoSvg: readFileSync(here("assets/logo.svg"), "utf8"),
  });
} catch (error) {
  fail(error.message);
}

mkdirSync(here("build"), { recursive: true });
mkdirSync(here("dist"), { recursive: true });
const decoratedPath = here("build/openapi.json");
writeFileSync(decoratedPath, JSON.stringify(decorated, null, 2));
const optionsPath = here("build/redoc-options.json");
writeFileSync(optionsPath, JSON.stringify(redocOptions(decorated), null, 2));

const output = here("dist/index.html");
const { status, stdout, stderr } = redocly([
  "build-docs",
  decoratedPath,
  "--inlineBundle",
  "--output",
  output,
  "--title",
  title,
  "--template",
  here("template.hbs"),
  "--openapi",
  optionsPath,
]);
if (status !== 0) fail(`${stdout}\n${stderr}\nBuilding the docs failed.`);

try {
  writeFileSync(output, inlineRedoclyAttribution(readFileSync(output, "utf8")));
} catch (error) {
  fail(error.message);
}
// The plain bundle beside the page, for readers who want the spec file itself.
copyFileSync(bundleJsonPath, here("dist/openapi.json"));
copyFileSync(here("assets/logo.svg"), here("dist/logo.svg"));
copyFileSync(here("assets/_headers"), here("dist/_headers"));
console.log(`built dist/index.html (${Math.round(readFileSync(output).length / 1024)} KiB) from ${decoratedPath}`);
