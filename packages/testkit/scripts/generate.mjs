// Generates src/generated/schema.ts from the bundled spec with openapi-typescript, so the
// generator's output is type-checked against the spec's schemas. Unlike the client's,
// this copy is always rewritten (CI too): the test server must follow the spec as it is,
// and a spec change by another part should not fail this package for a stale file.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { bundleJsonPath } from "@vbm365/openapi";

const target = fileURLToPath(new URL("../src/generated/schema.ts", import.meta.url));

const header = [
  "// GENERATED FILE: do not edit by hand.",
  "// Source: openapi/ (bundled to openapi/dist/openapi.json) via openapi-typescript.",
  "// Rewritten by `pnpm --filter @vbm365/testkit generate` (turbo runs it before build).",
  "",
].join("\n");

const ast = await openapiTS(new URL(`file://${bundleJsonPath}`), { alphabetize: false, immutable: false });
const content = header + astToString(ast);

const current = existsSync(target) ? readFileSync(target, "utf8") : "";
if (current === content) {
  console.log("src/generated/schema.ts is up to date");
} else {
  mkdirSync(new URL("../src/generated/", import.meta.url), { recursive: true });
  writeFileSync(target, content);
  console.log("wrote src/generated/schema.ts");
}
