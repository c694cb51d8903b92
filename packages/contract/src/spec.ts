// The spec as the suite sees it: every operation of the dereferenced bundle, so an
// operation added to the spec is picked up (and checked, or reported uncovered) without
// touching the suite.
import { readFileSync } from "node:fs";
import { dereferencedJsonPath } from "@vbm365/openapi";

/** The few OpenAPI 3.1 shapes the suite reads; response bodies stay `unknown` and go to Ajv. */
export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
  "x-veeam-page-result"?: boolean;
}

interface RawOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, ResponseObject>;
  security?: unknown[];
  "x-veeam-page-result"?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  security?: unknown[];
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: RawOperation["requestBody"];
  responses: Record<string, ResponseObject>;
  /** Needs a bearer token (the document's default security unless the operation opts out). */
  secured: boolean;
  /** A paged collection (`x-veeam-page-result`), so the paging contract applies. */
  paged: boolean;
}

const methods = ["get", "put", "post", "delete", "patch", "head", "options"];

export function loadSpec(path = dereferencedJsonPath): OpenApiDocument {
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of methods) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      // Operation-level parameters override path-level ones of the same name and place.
      const own = raw.parameters ?? [];
      const inherited = (item.parameters ?? []).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
      const security = raw.security ?? doc.security ?? [];
      operations.push({
        operationId: raw.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: [...inherited, ...own],
        requestBody: raw.requestBody,
        responses: raw.responses ?? {},
        secured: security.length > 0,
        paged: isPaged(raw),
      });
    }
  }
  return operations;
}

/**
 * The vendor marks paged answers with `x-veeam-page-result` (on the operation or on its 200
 * response); an envelope of `offset`, `limit` and a `results` array counts too.
 */
function isPaged(raw: RawOperation): boolean {
  const ok = raw.responses?.["200"];
  if (raw["x-veeam-page-result"] === true || ok?.["x-veeam-page-result"] === true) return true;
  const schema = ok?.content?.["application/json"]?.schema as { properties?: Record<string, { type?: unknown }> } | undefined;
  const props = schema?.properties ?? {};
  return props.results?.type === "array" && "offset" in props && "limit" in props;
}

export function pathParameters(op: Operation): Parameter[] {
  return op.parameters.filter((p) => p.in === "path");
}

export function queryParameters(op: Operation): Parameter[] {
  return op.parameters.filter((p) => p.in === "query");
}

/** The response the spec declares for a status: exact code, then `4XX`-style range, then `default`. */
export function declaredResponse(op: Operation, status: number): { key: string; response: ResponseObject } | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, "default"]) {
    const response = op.responses[key];
    if (response) return { key, response };
  }
  return undefined;
}

export function successStatuses(op: Operation): number[] {
  return Object.keys(op.responses)
    .filter((key) => /^2\d\d$/.test(key))
    .map(Number);
}

/** Fills `{name}` placeholders of a path; values are URL-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `{${name}}`));
}

/**
 * The keywords of a schema that are this spec's own limits, not the vendor's (listed in its
 * `x-vbm365-own-limit`, such as the maxLength the security lint asked for): a server may
 * accept a value beyond them, so breaking one earns at most a warning.
 */
export function ownLimits(schema: JsonSchema | undefined): Set<string> {
  const listed = schema?.["x-vbm365-own-limit"];
  return new Set(Array.isArray(listed) ? listed.filter((k): k is string => typeof k === "string") : []);
}

/** How a report names a limit of our own: the keyword, its value, and where it is marked. */
export function ownLimitNote(keyword: string, value: unknown): string {
  return `${keyword} ${String(value)} is a limit of this spec's own (x-vbm365-own-limit), not the vendor's`;
}
