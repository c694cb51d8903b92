// The bundle of each served version, read as the contract: its operations, the answers
// each declares, and an Ajv (JSON Schema 2020-12, formats checked) validator for them.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { apiVersions, bundlePaths } from "@vbm365/openapi";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: Schema & { type?: string | string[]; format?: string; minimum?: number; maximum?: number };
}

interface Content {
  schema?: Schema;
}

export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, Content> };
  responses: Record<string, { content?: Record<string, Content> }>;
}

export interface Bundle {
  openapi: string;
  info: { version: string };
  security?: unknown[];
  paths: Record<string, Record<string, Operation>>;
}

export interface BoundOperation {
  method: string;
  /** The path template, e.g. `/v6/RestoreSessions/{restoreSessionId}`. */
  template: string;
  operation: Operation;
  /** Whether the operation needs a bearer token (its own security, else the document's). */
  secured: boolean;
}

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

/** The dereferenced bundle of every version the spec describes (the testkit serves them all). */
export function servedBundles(): { version: string; bundle: Bundle }[] {
  return apiVersions.map((version) => ({ version, bundle: JSON.parse(readFileSync(bundlePaths(version).dereferenced, "utf8")) as Bundle }));
}

export function operationsOf(bundle: Bundle): BoundOperation[] {
  const out: BoundOperation[] = [];
  for (const [template, item] of Object.entries(bundle.paths)) {
    // Parameters declared on the path apply to each of its operations (the operation's own win).
    const shared = (item.parameters ?? []) as unknown as Parameter[];
    for (const [method, declared] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const own = declared.parameters ?? [];
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const operation = { ...declared, parameters };
      const security = operation.security ?? bundle.security ?? [];
      out.push({ method: method.toUpperCase(), template, operation, secured: security.length > 0 });
    }
  }
  return out;
}

/** The operation a concrete path (as a link gives it) belongs to, any case. */
export function operationForPath(operations: BoundOperation[], method: string, path: string): BoundOperation | undefined {
  return operations.find((op) => {
    if (op.method !== method) return false;
    const pattern = op.template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
    return new RegExp(`^${pattern}$`, "i").test(path);
  });
}

export function makeAjv(): Ajv2020 {
  // Formats are checked (date-time, uuid, int32, int64...): a generated client parses them.
  return addFormats(new Ajv2020({ allErrors: true, strict: false, validateFormats: true }));
}

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * What is wrong with an answer by the operation's declaration: an undeclared status, a
 * body where none is declared, a missing or non-JSON body, or a body the schema refuses.
 */
export class AnswerChecker {
  private readonly ajv = makeAjv();
  private readonly compiled = new Map<Schema, ValidateFunction>();

  problems(op: BoundOperation, answer: Answer): string[] {
    const declared = op.operation.responses[String(answer.status)] ?? op.operation.responses.default;
    if (!declared) return [`status ${answer.status} is not declared`];
    const json = declared.content?.["application/json"];
    if (!json)
      return answer.text === "" ? [] : [`status ${answer.status} declares no body, got ${JSON.stringify(answer.text.slice(0, 80))}`];
    if (!/^application\/json\b/i.test(answer.contentType ?? "")) return [`content-type ${answer.contentType} is not application/json`];
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [`body is not JSON: ${JSON.stringify(answer.text.slice(0, 80))}`];
    }
    if (!json.schema) return [];
    const validate = this.validator(json.schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || "/"} ${e.message} (${JSON.stringify(pointerValue(body, e.instancePath))})`,
    );
  }

  validator(schema: Schema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

function pointerValue(value: unknown, pointer: string): unknown {
  let at = value;
  for (const part of pointer.split("/").slice(1)) {
    at = (at as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return at;
}
