// Generates, from the bundled spec (openapi/dist/openapi.json):
// - src/generated/schema.ts, the types, with openapi-typescript;
// - src/generated/limits.ts, the API's limits (page size, offset, id form) as values;
// - src/generated/facts.ts, each operation's path as a pattern and each answer's fields
//   (type, required, nullable), for the apps that check what a server sent or which call failed.
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
  return `${header("").replace(/^\/\/ Source: .*$/m, source)}export type * from "./v6.js";\n`;
}

/** The schema of a shared parameter, refusing to guess when the spec changed shape. */
function parameterSchema(spec, name, expected) {
  const schema = spec.components?.parameters?.[name]?.schema;
  for (const [key, value] of Object.entries(expected)) {
    if (schema?.[key] !== value) {
      throw new Error(
        `openapi: parameter ${name} has ${key} ${JSON.stringify(schema?.[key])}, expected ${JSON.stringify(value)}: update scripts/generate.mjs`,
      );
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

/** The schemas whose fields the apps check before showing an answer. */
const ANSWER_SCHEMAS = ["RestoreSession", "RestoreSessionEvent", "RestoreStatistics", "BackupOrganization"];
const FIELD_TYPES = ["string", "integer", "number", "boolean", "array", "object"];

/** A property's type as the apps check it (`date-time` for a string of that format), refusing what it cannot name. */
function fieldType(where, schema) {
  const types = [schema.type].flat().filter((type) => type !== undefined);
  const type = types.find((each) => each !== "null");
  if (types.length > 2 || !FIELD_TYPES.includes(type)) {
    throw new Error(`openapi: ${where} has type ${JSON.stringify(schema.type)}: update scripts/generate.mjs to name it`);
  }
  return { type: type === "string" && schema.format === "date-time" ? "date-time" : type, nullable: types.includes("null") };
}

/** Every answer schema's fields over all versions: required only where every version requires it, nullable where any allows null. */
function answerFields(specs) {
  const facts = {};
  for (const name of ANSWER_SCHEMAS) {
    const fields = {};
    const holding = specs.filter(({ spec }) => spec.components.schemas[name]);
    for (const { version, spec } of holding) {
      const schema = spec.components.schemas[name];
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const { type, nullable } = fieldType(`${version} ${name}.${field}`, property);
        const known = fields[field];
        if (known && known.type !== type)
          throw new Error(
            `openapi: ${name}.${field} is ${known.type} in one version and ${type} in ${version}: update scripts/generate.mjs`,
          );
        fields[field] = { type, required: true, nullable: nullable || (known?.nullable ?? false) };
      }
    }
    for (const [field, fact] of Object.entries(fields)) {
      fact.required = holding.every(({ spec }) => (spec.components.schemas[name].required ?? []).includes(field));
    }
    facts[name] = fields;
  }
  return facts;
}

/** `/v6/RestoreSessions/{restoreSessionId}` without its version, as a pattern body: parameters match one segment. */
function pathPattern(template) {
  return template
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")))
    .join("");
}

/** Each operation's path in every version that has it, by operationId; the same path in each version, or the generator refuses. */
function operationPaths(specs) {
  const operations = {};
  for (const { version, spec } of specs) {
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const operation of Object.values(item)) {
        if (typeof operation !== "object" || !operation?.operationId) continue;
        const unversioned = path.replace(/^\/v\d+\//, "/");
        operations[operation.operationId] ??= { path: unversioned, versions: [] };
        const known = operations[operation.operationId];
        if (known.path !== unversioned)
          throw new Error(
            `openapi: ${operation.operationId} is ${known.path} in one version and ${unversioned} in ${version}: update scripts/generate.mjs`,
          );
        known.versions.push(version.slice(1));
      }
    }
  }
  return operations;
}

function factsTs() {
  const specs = apiVersions.map((version) => ({ version, spec: JSON.parse(readFileSync(bundlePaths(version).dereferenced, "utf8")) }));
  const operations = Object.entries(operationPaths(specs)).sort(([a], [b]) => a.localeCompare(b));
  const paths = operations
    .map(
      ([id, { path, versions }]) =>
        `  /** \`/vN${path}\` in ${versions.map((v) => `v${v}`).join(", ")} */\n  ${id}: /^\\/v(?:${versions.join("|")})${pathPattern(path)}\\/?$/i,`,
    )
    .join("\n");
  const fields = Object.entries(answerFields(specs))
    .map(
      ([name, byField]) =>
        `  ${name}: {\n${Object.entries(byField)
          .map(
            ([field, fact]) =>
              `    ${field}: { type: ${JSON.stringify(fact.type)}, required: ${fact.required}, nullable: ${fact.nullable} },`,
          )
          .join("\n")}\n  },`,
    )
    .join("\n");
  return (
    header("by scripts/generate.mjs") +
    `
/** How an answer's field is checked: a JSON type, or \`date-time\` for a string the spec gives that format. */
export type FieldType = "string" | "date-time" | "integer" | "number" | "boolean" | "array" | "object";

/** One field of an answer as the spec describes it over every version. */
export interface FieldFact {
  type: FieldType;
  /** Required in every version that has the schema. */
  required: boolean;
  /** \`null\` allowed in some version. */
  nullable: boolean;
}

/** The schemas whose fields are listed in \`ANSWER_FIELDS\`. */
export type AnswerSchema = ${ANSWER_SCHEMAS.map((name) => JSON.stringify(name)).join(" | ")};

/** Each operation's request path, in every version that has it, as a pattern (any case, as servers match paths), by operationId. */
export const OPERATION_PATHS = {
${paths}
} as const;

/** The fields of each answer the apps show, over every version that has the schema. */
export const ANSWER_FIELDS: Record<AnswerSchema, Record<string, FieldFact>> = {
${fields}
};
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
    console.error(
      `packages/client/src/generated/${name} is out of date with the spec.\nRun \`pnpm generate\` (without CI=true) and commit the regenerated file.`,
    );
    return false;
  }
  mkdirSync(new URL("../src/generated/", import.meta.url), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote src/generated/${name}`);
  return true;
}

const results = [];
for (const version of apiVersions) results.push(await emit(`${version}.ts`, await versionSchemaTs(version)));
results.push(await emit("schema.ts", schemaTs()), await emit("limits.ts", limitsTs()), await emit("facts.ts", factsTs()));
if (results.includes(false)) process.exit(1);
