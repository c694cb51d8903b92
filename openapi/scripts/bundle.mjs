// Bundles each API version (the `vbm365@vN` entries of redocly.yaml: v6 is the split
// source, v7 and v8 add overlays and our path-prefix decorator) into dist/vN/: YAML and JSON
// with internal $refs, and a dereferenced JSON for validators that cannot follow $refs.
// The v6 files are also written to dist/ itself, under the names every reader used before.
import { copyFileSync, mkdirSync } from "node:fs";
import { apiVersions, bundlePaths, bundleJsonPath, bundleYamlPath, dereferencedJsonPath } from "../index.js";
import { redocly } from "./redocly.mjs";

for (const version of apiVersions) {
  const files = bundlePaths(version);
  mkdirSync(`dist/${version}`, { recursive: true });
  const outputs = [[files.yaml], [files.json], [files.dereferenced, "--dereferenced"]];
  for (const [file, ...flags] of outputs) {
    const { status, stdout, stderr } = redocly(["bundle", `vbm365@${version}`, "--output", file, ...flags]);
    if (status !== 0) {
      console.error(stdout, stderr, `\nBundling ${version} to ${file} failed.`);
      process.exit(1);
    }
  }
  console.log(`bundled ${version} to dist/${version}/`);
}
const v6 = bundlePaths("v6");
copyFileSync(v6.yaml, bundleYamlPath);
copyFileSync(v6.json, bundleJsonPath);
copyFileSync(v6.dereferenced, dereferencedJsonPath);
console.log("copied v6 to dist/openapi.{yaml,json,dereferenced.json}");
