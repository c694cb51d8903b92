// Adds the presentation the site needs to a copy of the bundled spec: code samples per
// operation, our logo, and a note on the samples. The spec in openapi/ stays the only
// source of API facts; nothing here restates one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { curlSample } from "./curl.mjs";

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every operation of the spec with its method, path and path item. */
export function listOperations(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, pathItem]) =>
    httpMethods.filter((method) => pathItem[method]).map((method) => ({ method, path, pathItem, operation: pathItem[method] })),
  );
}

/**
 * The API versions a sample claims with a comment line `// API versions: v7 v8`; a sample
 * without that line claims every version. The docs page of a version shows only the samples
 * that claim it, and the samples test runs each sample against each version it claims.
 * @returns {string[] | undefined}
 */
export function claimedVersions(source) {
  const line = /^\/\/ API versions?:(.*)$/m.exec(source);
  if (!line) return undefined;
  const versions = line[1]
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  const wrong = versions.filter((version) => !/^v\d+$/.test(version));
  if (versions.length === 0 || wrong.length > 0) {
    throw new Error(`"${line[0]}" must list API versions like "// API versions: v7 v8".`);
  }
  return versions;
}

/**
 * Reads `samples/<operationId>.ts` (label "TypeScript") and any
 * `samples/<operationId>.<variant>.ts` (label "TypeScript (<variant>)"), each with the API
 * versions it claims (undefined: all).
 * @returns {Map<string, {label: string, source: string, file: string, versions?: string[]}[]>}
 */
export function readTypeScriptSamples(samplesDir) {
  const samples = new Map();
  for (const file of readdirSync(samplesDir)
    .filter((name) => name.endsWith(".ts"))
    .sort()) {
    const [operationId, variant] = file.slice(0, -".ts".length).split(".");
    const label = variant ? `TypeScript (${variant.replaceAll("-", " ")})` : "TypeScript";
    const source = `${readFileSync(join(samplesDir, file), "utf8").trimEnd()}\n`;
    let versions;
    try {
      versions = claimedVersions(source);
    } catch (error) {
      throw new Error(`samples/${file}: ${error.message}`);
    }
    const list = samples.get(operationId) ?? [];
    const sample = { label, source, file, ...(versions ? { versions } : {}) };
    // The plain <operationId>.ts sample comes first: it is the tab the page opens on.
    if (variant) list.push(sample);
    else list.unshift(sample);
    samples.set(operationId, list);
  }
  return samples;
}

const samplesNote = (version) => `

## Code samples

Every operation shows a **curl** command and a **TypeScript** program that uses
\`@vbm365/client\`. Both read the connection from the environment: \`VBM365_URL\` (such as
\`https://vbm.example:4443\`) and \`VBM365_TOKEN\` (from \`POST /${version}/token\`; the token sample
reads \`VBM365_USERNAME\` and \`VBM365_PASSWORD\`). For a server with a self-signed
certificate, add \`--cacert "$VBM365_CA_FILE"\` to curl, or pass the CA to the client as \`ca\`.
The TypeScript samples are type-checked against the client on every build, and run against
a mock of this API, so they compile as shown.
`;

/**
 * Returns a decorated copy of `spec` (one API version: `info.x-api-version`, v6 when
 * absent). Throws, naming every problem, when an operation has no TypeScript sample for this
 * version or a sample claiming this version names an operation the spec does not have.
 */
export function decorateSpec(spec, { typeScriptSamples, logoSvg }) {
  const decorated = structuredClone(spec);
  const version = decorated.info?.["x-api-version"] ?? "v6";
  const operations = listOperations(decorated);
  const operationIds = new Set(operations.map(({ operation }) => operation.operationId));
  const problems = [];
  const claimsThisVersion = (sample) => !sample.versions || sample.versions.includes(version);

  for (const entry of operations) {
    const { method, path, operation } = entry;
    if (!operation.operationId) {
      problems.push(`${method.toUpperCase()} ${path} has no operationId, so no sample can be matched to it.`);
      continue;
    }
    const typeScript = (typeScriptSamples.get(operation.operationId) ?? []).filter(claimsThisVersion);
    if (typeScript.length === 0 || typeScript[0].label !== "TypeScript") {
      problems.push(
        `${operation.operationId} (${method.toUpperCase()} ${path}) has no TypeScript sample for ${version}: ` +
          `add samples/${operation.operationId}.ts (or add ${version} to its "// API versions:" line).`,
      );
      continue;
    }
    // TypeScript first: the page opens on the first sample, and the client is what we ship.
    operation["x-codeSamples"] = [
      ...typeScript.map(({ label, source }) => ({ lang: "TypeScript", label, source })),
      { lang: "Shell", label: "curl", source: curlSample(decorated, entry) },
    ];
  }
  for (const [operationId, list] of typeScriptSamples) {
    const claiming = list.filter(claimsThisVersion);
    if (!operationIds.has(operationId) && claiming.length > 0) {
      problems.push(
        `${claiming.map((s) => `samples/${s.file}`).join(", ")} belongs to ${operationId}, which the ${version} spec does not have: ` +
          `rename or delete it, or limit it with a "// API versions:" line.`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`The docs cannot be built:\n- ${problems.join("\n- ")}`);

  decorated.info = {
    ...decorated.info,
    description: (decorated.info.description ?? "").trimEnd() + samplesNote(version),
    "x-logo": {
      url: `data:image/svg+xml;base64,${Buffer.from(logoSvg).toString("base64")}`,
      altText: "vbm365 logo",
    },
  };
  return decorated;
}
