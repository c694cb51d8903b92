// The breaking-change gate: compares the current bundle with the last released one
// (released/openapi.json) and lists every change that can break a client built against the
// release. A breaking change is allowed only together with a new major `info.version`.
//
// What counts as breaking (the team's list, deliberately short):
// - a removed operation, parameter, 2xx response or response media type;
// - a removed response field, or a response field that is no longer required;
// - a removed enum (or const) value, anywhere;
// - a request field or parameter that becomes required (including new required ones);
// - a changed type or format, anywhere;
// - a changed operationId (generated clients and the docs' samples are keyed by it).
// Paths compare with their parameter names blanked, so renaming `{id}` is not a removal.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** @returns {string[]} one line per breaking change, empty when there is none */
export function findBreakingChanges(releasedDocument, currentDocument) {
  const released = dereference(releasedDocument);
  const current = dereference(currentDocument);
  const changes = [];
  const currentOperations = operationsByKey(current);
  for (const [key, before] of operationsByKey(released)) {
    const after = currentOperations.get(key);
    if (!after) {
      changes.push(`${before.label}: operation removed`);
      continue;
    }
    const report = (message) => changes.push(`${before.label}: ${message}`);
    if (before.operation.operationId !== after.operation.operationId) {
      report(`operationId changed from ${before.operation.operationId ?? "none"} to ${after.operation.operationId ?? "none"}`);
    }
    compareParameters(before.parameters, after.parameters, report);
    compareRequestBodies(before.operation.requestBody, after.operation.requestBody, report);
    compareResponses(before.operation.responses ?? {}, after.operation.responses ?? {}, report);
  }
  return changes;
}

export function majorVersion(document) {
  const match = /^v?(\d+)/.exec(String(document?.info?.version ?? ""));
  if (!match) throw new Error(`info.version ${JSON.stringify(document?.info?.version)} is not a semantic version (like 6.0.0)`);
  return Number(match[1]);
}

/** The gate: breaking changes are fine only with a bigger major version. */
export function checkAgainstRelease(releasedDocument, currentDocument) {
  const changes = findBreakingChanges(releasedDocument, currentDocument);
  const majorBumped = majorVersion(currentDocument) > majorVersion(releasedDocument);
  return { changes, majorBumped, ok: changes.length === 0 || majorBumped };
}

/** Where the last released bundle of one API version is kept. */
export function releasedPath(version) {
  return fileURLToPath(new URL(`../released/${version}/openapi.json`, import.meta.url));
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function operationsByKey(document) {
  const operations = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item?.[method];
      if (!operation) continue;
      const parameters = new Map();
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        parameters.set(`${parameter.in} parameter ${parameter.name}`, parameter);
      }
      const key = `${method} ${path.replace(/\{[^}]*\}/g, "{}").toLowerCase()}`;
      operations.set(key, { label: `${method.toUpperCase()} ${path}`, operation, parameters });
    }
  }
  return operations;
}

function compareParameters(before, after, report) {
  for (const [name, parameter] of before) {
    const now = after.get(name);
    if (!now) report(`${name} removed`);
    else {
      if (now.required && !parameter.required) report(`${name} is now required`);
      compareSchemas(parameter.schema, now.schema, "request", name, report);
    }
  }
  for (const [name, parameter] of after) {
    if (!before.has(name) && parameter.required) report(`new ${name} is required`);
  }
}

function compareRequestBodies(before, after, report) {
  if (!before) {
    if (after?.required) report("request body is now required");
    return;
  }
  if (!after) return; // the server no longer reads a body: nothing a client sends breaks
  if (after.required && !before.required) report("request body is now required");
  for (const [mediaType, content] of Object.entries(before.content ?? {})) {
    const now = after.content?.[mediaType];
    if (!now) report(`request body ${mediaType} is no longer accepted`);
    else compareSchemas(content.schema, now.schema, "request", `request body ${mediaType}`, report);
  }
}

function compareResponses(before, after, report) {
  for (const [status, response] of Object.entries(before)) {
    const now = after[status];
    if (!now) {
      if (/^2/.test(status)) report(`response ${status} removed`);
      continue;
    }
    for (const [mediaType, content] of Object.entries(response.content ?? {})) {
      const nowContent = now.content?.[mediaType];
      if (!nowContent) report(`response ${status} ${mediaType} removed`);
      else compareSchemas(content.schema, nowContent.schema, "response", `response ${status} ${mediaType}`, report);
    }
  }
}

/**
 * `direction` is "request" (the client writes it) or "response" (the client reads it): a
 * removed field breaks readers, a newly required field breaks writers.
 */
function compareSchemas(before, after, direction, where, report, seen = new Set()) {
  if (!isObject(before) || !isObject(after) || seen.has(before)) return;
  seen.add(before);
  const beforeTypes = typesOf(before);
  const afterTypes = typesOf(after);
  if (beforeTypes && afterTypes && beforeTypes !== afterTypes) report(`${where}: type changed from ${beforeTypes} to ${afterTypes}`);
  if ((before.format ?? null) !== (after.format ?? null)) {
    report(`${where}: format changed from ${before.format ?? "none"} to ${after.format ?? "none"}`);
  }
  const allowedAfter = allowedValues(after);
  for (const value of allowedValues(before) ?? []) {
    if (allowedAfter && !allowedAfter.some((kept) => Object.is(kept, value) || JSON.stringify(kept) === JSON.stringify(value))) {
      report(`${where}: value ${JSON.stringify(value)} removed`);
    }
  }

  const requiredBefore = new Set(before.required ?? []);
  const requiredAfter = new Set(after.required ?? []);
  for (const [name, property] of Object.entries(before.properties ?? {})) {
    const field = `${where}: field ${name}`;
    const now = after.properties?.[name];
    if (!now) {
      if (direction === "response") report(`${field} removed`);
      continue;
    }
    if (direction === "response" && requiredBefore.has(name) && !requiredAfter.has(name)) report(`${field} is no longer required`);
    compareSchemas(property, now, direction, `${where}.${name}`, report, seen);
  }
  if (direction === "request") {
    for (const name of requiredAfter) if (!requiredBefore.has(name)) report(`${where}: field ${name} is now required`);
  }

  compareSchemas(before.items, after.items, direction, `${where}[]`, report, seen);
  compareSchemas(before.additionalProperties, after.additionalProperties, direction, `${where}{}`, report, seen);
  for (const combiner of ["allOf", "oneOf", "anyOf"]) {
    const variants = before[combiner] ?? [];
    variants.forEach((variant, index) => {
      const now = after[combiner]?.[index];
      if (!now) report(`${where}: ${combiner} variant ${index + 1} removed`);
      else compareSchemas(variant, now, direction, `${where}(${combiner} ${index + 1})`, report, seen);
    });
  }
}

function typesOf(schema) {
  if (schema.type === undefined) return undefined;
  return [schema.type].flat().sort().join(" | ");
}

function allowedValues(schema) {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ("const" in schema) return [schema.const];
  return undefined;
}

/** Replaces internal `$ref`s with their targets (shared, so cycles stay finite). */
function dereference(document) {
  const resolved = new Map();
  const target = (ref) =>
    ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, part) => node?.[part], document);
  const visit = (node) => {
    if (!isObject(node) && !Array.isArray(node)) return node;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
      if (!resolved.has(node.$ref)) {
        const placeholder = {};
        resolved.set(node.$ref, placeholder);
        const found = target(node.$ref);
        if (found === undefined) throw new Error(`${node.$ref} points at nothing`);
        Object.assign(placeholder, visit(found));
      }
      return resolved.get(node.$ref);
    }
    if (Array.isArray(node)) return node.map(visit);
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
  };
  return visit(document);
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
