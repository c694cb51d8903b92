// Bundles the split spec into the files every other package reads: YAML and JSON with
// internal $refs, and a dereferenced JSON for validators that cannot follow $refs.
import { mkdirSync } from "node:fs";
import { redocly } from "./redocly.mjs";

mkdirSync("dist", { recursive: true });
const outputs = [
  ["dist/openapi.yaml"],
  ["dist/openapi.json"],
  ["dist/openapi.dereferenced.json", "--dereferenced"],
];
for (const [file, ...flags] of outputs) {
  const { status, stdout, stderr } = redocly(["bundle", "openapi.yaml", "--output", file, ...flags]);
  if (status !== 0) {
    console.error(stdout, stderr, `\nBundling ${file} failed.`);
    process.exit(1);
  }
  console.log(`bundled ${file}`);
}
