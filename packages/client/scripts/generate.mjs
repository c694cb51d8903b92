// Generates, from the bundled spec (openapi/dist/openapi.json):
// - src/generated/schema.ts, the types, with openapi-typescript;
// - src/generated/limits.ts, the API's limits (page size, offset, id form) as values.
// `--check` (and CI=true) compares instead of writing, so a stale committed file fails CI.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { apiVersions, bundleJsonPath, bundlePaths } from "@vbm365/openapi";

const check = process.argv.includes("--check") || process.env.CI === "true";

const header = (how) =>
  [
    "// GENERATED FILE: do not edit by hand.",
    `// Source: openapi/ (bundled to openapi/dist/openapi.json) ${how}.`,
    "// Regenerate with `pnpm generate` after changing the spec, and commit the result.",
    "",
  ].join("\n");

/** src/generated/v6.ts, v7.ts, v8.ts: the types of one API version's bundle (openapi/dist/vN/). */
async function versionSchemaTs(version) {
  const ast = await openapiTS(new URL(`file://${bundlePaths(version).json}`), { alphabetize: false, immutable: false });
  const source = `// Source: openapi/, API ${version} (bundled to openapi/dist/${version}/openapi.json) via openapi-typescript.`;
  return header("").replace(/^\/\/ Source: .*$/m, source) + astToString(ast);
}

/** src/generated/schema.ts: the v6 types under the name every import used before versions. */
function schemaTs() {
  const source = "// Source: the v6 types of ./v6.ts, under the name every import used before the versions.";
  return header("").replace(/^\/\/ Source: .*$/m, source) + 'export type * from "./v6.js";\n';
}

/** The schema of a shared parameter, refusing to guess when the spec changed shape. */
function parameterSchema(spec, name, expected) {
  const schema = spec.components?.parameters?.[name]?.schema;
  for (const [key, value] of Object.entries(expected)) {
    if (schema?.[key] !== value) {
      throw new Error(`openapi: parameter ${name} has ${key} ${JSON.stringify(schema?.[key])}, expected ${JSON.stringify(value)}: update scripts/generate.mjs`);
    }
  }
  return schema;
}

function limitsTs() {
  const spec = JSON.parse(readFileSync(bundleJsonPath, "utf8"));
  const limit = parameterSchema(spec, "limit", { type: "integer" });
  const offset = parameterSchema(spec, "offset", { type: "integer" });
  const id = parameterSchema(spec, "restoreSessionId", { type: "string", format: "uuid" });
  parameterSchema(spec, "eventId", { type: "string", format: "uuid" });
  const numbers = [limit.minimum, limit.maximum, limit.default, offset.minimum, offset.maximum, id.maxLength];
  if (!numbers.every(Number.isInteger)) throw new Error("openapi: limit/offset/id bounds are not all whole numbers");
  return (
    header("by scripts/generate.mjs") +
    `
/** Items per page (\`limit\`): the spec's bounds and the server's default when none is sent. */
export const PAGE_SIZE = { min: ${limit.minimum}, max: ${limit.maximum}, default: ${limit.default} } as const;

/** \`offset\`: items skipped before a page (${offset.format}). */
export const OFFSET = { min: ${offset.minimum}, max: ${offset.maximum} } as const;

/** Ids (\`format: uuid\`, at most ${id.maxLength} characters): the textual UUID form, any case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
`
  );
}

async function emit(name, content) {
  const target = fileURLToPath(new URL(`../src/generated/${name}`, import.meta.url));
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current === content) {
    console.log(`src/generated/${name} is up to date`);
    return true;
  }
  if (check) {
    console.error(`packages/client/src/generated/${name} is out of date with the spec.\nRun \`pnpm generate\` (without CI=true) and commit the regenerated file.`);
    return false;
  }
  mkdirSync(new URL("../src/generated/", import.meta.url), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote src/generated/${name}`);
  return true;
}

const results = [];
for (const version of apiVersions) results.push(await emit(`${version}.ts`, await versionSchemaTs(version)));
results.push(await emit("schema.ts", schemaTs()), await emit("limits.ts", limitsTs()));
if (results.includes(false)) process.exit(1);
