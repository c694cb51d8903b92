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
 * Reads `samples/<operationId>.ts` (label "TypeScript") and any
 * `samples/<operationId>.<variant>.ts` (label "TypeScript (<variant>)").
 * @returns {Map<string, {label: string, source: string, file: string}[]>}
 */
export function readTypeScriptSamples(samplesDir) {
  const samples = new Map();
  for (const file of readdirSync(samplesDir).filter((name) => name.endsWith(".ts")).sort()) {
    const [operationId, variant] = file.slice(0, -".ts".length).split(".");
    const label = variant ? `TypeScript (${variant.replaceAll("-", " ")})` : "TypeScript";
    const source = readFileSync(join(samplesDir, file), "utf8").trimEnd() + "\n";
    const list = samples.get(operationId) ?? [];
    // The plain <operationId>.ts sample comes first: it is the tab the page opens on.
    if (variant) list.push({ label, source, file });
    else list.unshift({ label, source, file });
    samples.set(operationId, list);
  }
  return samples;
}

const samplesNote = `

## Code samples

Every operation shows a **curl** command and a **TypeScript** program that uses
\`@vbm365/client\`. Both read the connection from the environment: \`VBM365_URL\` (such as
\`https://vbm.example:4443\`) and \`VBM365_TOKEN\` (from \`POST /v6/token\`; the token sample
reads \`VBM365_USERNAME\` and \`VBM365_PASSWORD\`). For a server with a self-signed
certificate, add \`--cacert "$VBM365_CA_FILE"\` to curl, or pass the CA to the client as \`ca\`.
The TypeScript samples are type-checked against the client on every build, and run against
a mock of this API, so they compile as shown.
`;

/**
 * Returns a decorated copy of `spec`. Throws, naming every problem, when an operation
 * has no TypeScript sample or a sample names an operation the spec does not have.
 */
export function decorateSpec(spec, { typeScriptSamples, logoSvg }) {
  const decorated = structuredClone(spec);
  const operations = listOperations(decorated);
  const operationIds = new Set(operations.map(({ operation }) => operation.operationId));
  const problems = [];

  for (const entry of operations) {
    const { method, path, operation } = entry;
    if (!operation.operationId) {
      problems.push(`${method.toUpperCase()} ${path} has no operationId, so no sample can be matched to it.`);
      continue;
    }
    const typeScript = typeScriptSamples.get(operation.operationId) ?? [];
    if (typeScript.length === 0 || typeScript[0].label !== "TypeScript") {
      problems.push(`${operation.operationId} (${method.toUpperCase()} ${path}) has no TypeScript sample: add samples/${operation.operationId}.ts.`);
      continue;
    }
    // TypeScript first: the page opens on the first sample, and the client is what we ship.
    operation["x-codeSamples"] = [
      ...typeScript.map(({ label, source }) => ({ lang: "TypeScript", label, source })),
      { lang: "Shell", label: "curl", source: curlSample(decorated, entry) },
    ];
  }
  for (const [operationId, list] of typeScriptSamples) {
    if (!operationIds.has(operationId)) {
      problems.push(`${list.map((s) => `samples/${s.file}`).join(", ")} belongs to ${operationId}, which the spec does not have: rename or delete it.`);
    }
  }
  if (problems.length > 0) throw new Error(`The docs cannot be built:\n- ${problems.join("\n- ")}`);

  decorated.info = {
    ...decorated.info,
    description: (decorated.info.description ?? "").trimEnd() + samplesNote,
    "x-logo": {
      url: `data:image/svg+xml;base64,${Buffer.from(logoSvg).toString("base64")}`,
      altText: "vbm365 logo",
    },
  };
  return decorated;
}
