// Where the bundled spec lives. Every consumer reads these files, never the split sources.
// One bundle per REST API version: v6 is the hand-written source, v7 and v8 are layers
// over it (redocly.yaml `apis`). The unversioned names are v6, as they always were.
import { fileURLToPath } from "node:url";

const dist = (name) => fileURLToPath(new URL(`./dist/${name}`, import.meta.url));

/** The REST API versions this spec describes, oldest first. */
export const apiVersions = Object.freeze(["v6", "v7", "v8"]);

/** The bundle files of one version: YAML and JSON with internal $refs, and dereferenced JSON. */
export function bundlePaths(version) {
  if (!apiVersions.includes(version)) {
    throw new Error(`No bundle for API version ${JSON.stringify(version)}: use one of ${apiVersions.join(", ")}.`);
  }
  return {
    yaml: dist(`${version}/openapi.yaml`),
    json: dist(`${version}/openapi.json`),
    dereferenced: dist(`${version}/openapi.dereferenced.json`),
  };
}

export const bundleYamlPath = dist("openapi.yaml");
export const bundleJsonPath = dist("openapi.json");
export const dereferencedJsonPath = dist("openapi.dereferenced.json");
