// Generates src/generated/schema.ts from the bundled spec with openapi-typescript.
// `--check` (and CI=true) compares instead of writing, so a stale committed file fails CI.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { bundleJsonPath } from "@vbm365/openapi";

const target = fileURLToPath(new URL("../src/generated/schema.ts", import.meta.url));
const check = process.argv.includes("--check") || process.env.CI === "true";

const header = [
  "// GENERATED FILE: do not edit by hand.",
  "// Source: openapi/ (bundled to openapi/dist/openapi.json) via openapi-typescript.",
  "// Regenerate with `pnpm generate` after changing the spec, and commit the result.",
  "",
].join("\n");

const ast = await openapiTS(new URL(`file://${bundleJsonPath}`), {
  alphabetize: false,
  immutable: false,
});
const content = header + astToString(ast);

const current = existsSync(target) ? readFileSync(target, "utf8") : "";
if (current === content) {
  console.log("src/generated/schema.ts is up to date");
} else if (check) {
  console.error(
    "packages/testkit/src/generated/schema.ts is out of date with the spec.\n" +
      "Run `pnpm generate` (without CI=true) and commit the regenerated file.",
  );
  process.exit(1);
} else {
  mkdirSync(new URL("../src/generated/", import.meta.url), { recursive: true });
  writeFileSync(target, content);
  console.log("wrote src/generated/schema.ts");
}
