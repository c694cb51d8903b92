// Typed doors into the build's plain-JS helpers, so the tests exercise the very code the
// build runs.
import { decorateSpec as decorate, listOperations as list, readTypeScriptSamples as readSamples } from "../lib/decorate.mjs";
import { curlSample as curl, resolveRef } from "../lib/curl.mjs";
import { inlineRedoclyAttribution as inline } from "../lib/offline.mjs";
import { redocOptions as options } from "../lib/redoc-options.mjs";
import { claimedVersions as claimed } from "../lib/decorate.mjs";
import { addVersionSwitch as addSwitch, pageLink as link } from "../lib/versions.mjs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed OpenAPI document
type Json = any;
export type Sample = { label: string; source: string; file: string; versions?: string[] };
export type Operation = { method: string; path: string; pathItem: Json; operation: Json };

export const listOperations: (spec: Json) => Operation[] = list;
export const readTypeScriptSamples: (dir: string) => Map<string, Sample[]> = readSamples;
export const decorateSpec: (spec: Json, input: { typeScriptSamples: Map<string, Sample[]>; logoSvg: string }) => Json = decorate;
export const curlSample: (spec: Json, operation: Operation) => string = curl;
export const resolveRefFor =
  (spec: Json) =>
  (node: Json): Json =>
    resolveRef(spec, node);
export const inlineRedoclyAttribution: (html: string) => string = inline;
export const redocOptions: (spec: Json) => Json = options;
export const claimedVersions: (source: string) => string[] | undefined = claimed;
export const addVersionSwitch: (html: string, current: string, versions: readonly string[]) => string = addSwitch;
export const pageLink: (from: string, to: string) => string = link;
