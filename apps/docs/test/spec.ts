// The bundled spec as the tests read it: operations and their examples come from here,
// never from a copy in the test.
import { readFileSync } from "node:fs";
import { bundleJsonPath, bundlePaths, type ApiVersion } from "@vbm365/openapi";
import { listOperations, resolveRefFor } from "./lib.js";

export const spec = JSON.parse(readFileSync(bundleJsonPath, "utf8"));
export const operations = listOperations(spec);

/** One API version's bundle (`spec` above is v6). */
export function specOf(version: ApiVersion) {
  return JSON.parse(readFileSync(bundlePaths(version).json, "utf8"));
}

/** The first example of an operation's 2xx JSON response in one version's spec (v6 unless given), or undefined. */
export function firstResponseExample(operationId: string, version: ApiVersion = "v6"): unknown {
  const versionSpec = version === "v6" ? spec : specOf(version);
  const entry = listOperations(versionSpec).find(({ operation }) => operation.operationId === operationId);
  if (!entry) throw new Error(`The ${version} spec has no operation ${operationId}.`);
  const resolve = resolveRefFor(versionSpec);
  for (const [status, response] of Object.entries(entry.operation.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    const media = resolve(response).content?.["application/json"];
    if (!media) continue;
    if (media.example !== undefined) return media.example;
    const [example] = Object.values(media.examples ?? {});
    if (example !== undefined) return resolve(example).value;
  }
  return undefined;
}
