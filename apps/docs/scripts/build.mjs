// Builds the static site into dist/, one page per API version (v6 at dist/index.html, v7
// and v8 at dist/vN/index.html, linked by a version switch): decorates a copy of each
// version's bundled spec with code samples and our logo (build/vN/openapi.json), renders it
// with `redocly build-docs --inlineBundle` so Redoc's script is inside the page, then drops
// the one CDN reference Redoc keeps. Then the client reference: TypeDoc pages of every
// export of @vbm365/client into dist/client/ (typedoc.config.mjs), failing on an export
// without a doc comment. The result makes no request beyond its own host.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiVersions, bundlePaths } from "@vbm365/openapi";
import { redocly } from "@vbm365/openapi/redocly";
import { decorateSpec, readTypeScriptSamples } from "../lib/decorate.mjs";
import { inlineRedoclyAttribution } from "../lib/offline.mjs";
import { redocOptions } from "../lib/redoc-options.mjs";
import { addVersionSwitch, pageDir } from "../lib/versions.mjs";
import { withWorkflows } from "../lib/workflows.mjs";
import { addSampleReportLink, buildSampleReport, SAMPLE_REPORT_DIR } from "./sample-report.mjs";

const here = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

function fail(message) {
  console.error(message);
  process.exit(1);
}

let typeScriptSamples;
try {
  typeScriptSamples = readTypeScriptSamples(here("samples"));
} catch (error) {
  fail(error.message);
}
const logoSvg = readFileSync(here("assets/logo.svg"), "utf8");

/** Decorates and renders one version's page into dist/<pageDir>index.html. */
function buildVersion(version) {
  const bundle = bundlePaths(version).json;
  let spec;
  try {
    spec = JSON.parse(readFileSync(bundle, "utf8"));
  } catch (error) {
    fail(`Cannot read the bundled ${version} spec at ${bundle} (${error.message}). Run \`pnpm --filter @vbm365/openapi bundle\` first.`);
  }
  let decorated;
  try {
    decorated = withWorkflows(decorateSpec(spec, { typeScriptSamples, logoSvg }));
  } catch (error) {
    fail(`${version}: ${error.message}`);
  }

  mkdirSync(here(`build/${version}`), { recursive: true });
  mkdirSync(here(`dist/${pageDir(version)}`), { recursive: true });
  const decoratedPath = here(`build/${version}/openapi.json`);
  writeFileSync(decoratedPath, JSON.stringify(decorated, null, 2));
  const optionsPath = here(`build/${version}/redoc-options.json`);
  writeFileSync(optionsPath, JSON.stringify(redocOptions(decorated), null, 2));

  const output = here(`dist/${pageDir(version)}index.html`);
  const { status, stdout, stderr } = redocly([
    "build-docs",
    decoratedPath,
    "--inlineBundle",
    "--output",
    output,
    "--title",
    `vbm365 · Restore Sessions API ${version} reference`,
    "--template",
    here("template.hbs"),
    "--openapi",
    optionsPath,
  ]);
  if (status !== 0) fail(`${stdout}\n${stderr}\nBuilding the ${version} docs failed.`);

  try {
    const page = inlineRedoclyAttribution(readFileSync(output, "utf8"));
    writeFileSync(output, addSampleReportLink(addVersionSwitch(page, version, apiVersions), pageDir(version)));
  } catch (error) {
    fail(error.message);
  }
  // The plain bundle beside the page, for readers who want the spec file itself.
  copyFileSync(bundle, here(`dist/${pageDir(version)}openapi.json`));
  console.log(`built dist/${pageDir(version)}index.html (${Math.round(readFileSync(output).length / 1024)} KiB) from ${decoratedPath}`);
}

/** The client reference into dist/client/; any TypeDoc warning (an export without a doc comment) fails the build. */
function buildClientReference() {
  const typedoc = join(dirname(createRequire(import.meta.url).resolve("typedoc/package.json")), "bin/typedoc");
  const { status } = spawnSync(process.execPath, [typedoc, "--options", here("typedoc.config.mjs")], { cwd: here(""), stdio: "inherit" });
  if (status !== 0)
    fail(
      "Building the client reference (dist/client/) failed: see TypeDoc's messages above; every export of @vbm365/client needs a doc comment.",
    );
  console.log("built dist/client/index.html, the client reference");
}

for (const version of apiVersions) buildVersion(version);
buildClientReference();
copyFileSync(here("assets/logo.svg"), here("dist/logo.svg"));
copyFileSync(here("assets/_headers"), here("dist/_headers"));
const reportBytes = await buildSampleReport(here(`dist/${SAMPLE_REPORT_DIR}`));
console.log(`built dist/${SAMPLE_REPORT_DIR}index.html (${Math.round(reportBytes / 1024)} KiB), the sample restore report`);
