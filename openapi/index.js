// Where the bundled spec lives. Every consumer reads these files, never the split sources.
import { fileURLToPath } from "node:url";

const dist = (name) => fileURLToPath(new URL(`./dist/${name}`, import.meta.url));

export const bundleYamlPath = dist("openapi.yaml");
export const bundleJsonPath = dist("openapi.json");
export const dereferencedJsonPath = dist("openapi.dereferenced.json");
