// Status, content type and body of one answer against what the spec declares for it.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { HttpResponse } from "./http.js";
import { lenientFormOf, lenientForms } from "./lenient-format.js";
import { declaredResponse, type JsonSchema, type Operation } from "./spec.js";
import { describeValue, escapePointerToken, readPointer, redactText, type Violation } from "./violations.js";

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// OpenAPI adds keywords (example, discriminator, x-*) that are not JSON Schema; strict mode
// would reject the schemas for them, so it is off while formats stay validated. Verbose
// errors carry the schema that failed, where x-vbm365-lenient-format is read.
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false, validateFormats: true, verbose: true }));
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

const jsonMediaType = /^application\/([\w.+-]+\+)?json$/;

export interface Expectation {
  /** Statuses this call must get; anything else is a `status` violation. */
  statuses: (number | "4xx")[];
}

export interface Validated {
  violations: Violation[];
  /** Values in a form the schema's x-vbm365-lenient-format allows besides its format: reported, never a failure. */
  warnings: Violation[];
  /** The parsed JSON body, when there was one. */
  body?: unknown;
}

function statusMatches(status: number, expected: Expectation["statuses"]): boolean {
  return expected.some((e) => (e === "4xx" ? status >= 400 && status < 500 : e === status));
}

/** Checks one answer: status, then content type, then the body against the declared schema. */
export function validateResponse(op: Operation, request: string, res: HttpResponse, expectation: Expectation): Validated {
  const violation = (v: Omit<Violation, "operationId" | "request">): Violation => ({ operationId: op.operationId, request, ...v });
  if (!statusMatches(res.status, expectation.statuses)) {
    const message = res.text ? ` (${describeValue(redactText(res.text).slice(0, 200))})` : "";
    return {
      violations: [
        violation({ kind: "status", pointer: "", expected: expectation.statuses.join(" or "), actual: `${res.status}${message}` }),
      ],
      warnings: [],
    };
  }
  const declared = declaredResponse(op, res.status);
  if (!declared) {
    return {
      violations: [
        violation({
          kind: "status",
          pointer: "",
          expected: `a status the spec declares (${Object.keys(op.responses).join(", ")})`,
          actual: String(res.status),
        }),
      ],
      warnings: [],
    };
  }
  const content = declared.response.content;
  if (!content || Object.keys(content).length === 0) {
    return res.text.length === 0
      ? { violations: [], warnings: [] }
      : {
          violations: [
            violation({
              kind: "content-type",
              pointer: "",
              expected: `no body (response ${declared.key} declares none)`,
              actual: `${res.contentType || "no content type"} with ${res.text.length} bytes`,
            }),
          ],
          warnings: [],
        };
  }
  const media = content[res.mediaType];
  if (!media) {
    return {
      violations: [
        violation({
          kind: "content-type",
          pointer: "",
          expected: Object.keys(content).join(" or "),
          actual: res.contentType || "no content type",
        }),
      ],
      warnings: [],
    };
  }
  if (!jsonMediaType.test(res.mediaType)) return { violations: [], warnings: [] };
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return {
      violations: [
        violation({
          kind: "invalid-json",
          pointer: "",
          expected: `JSON (${res.mediaType})`,
          actual: describeValue(redactText(res.text).slice(0, 120)),
        }),
      ],
      warnings: [],
    };
  }
  if (!media.schema) return { violations: [], warnings: [], body };
  const validate = validatorFor(media.schema);
  if (validate(body)) return { violations: [], warnings: [], body };
  const result: Validated = { violations: [], warnings: [], body };
  for (const error of validate.errors ?? []) {
    const lenient = lenientWarning(error, body);
    if (lenient) result.warnings.push(violation(lenient));
    else result.violations.push(violation(schemaViolation(error, body)));
  }
  return result;
}

/** A format error on a value written in a form the failing schema lists in x-vbm365-lenient-format. */
function lenientWarning(error: ErrorObject, body: unknown): Omit<Violation, "operationId" | "request"> | undefined {
  if (error.keyword !== "format") return undefined;
  const value = readPointer(body, error.instancePath);
  const form = lenientFormOf(error.parentSchema, value);
  if (!form) return undefined;
  const format = String((error.params as Record<string, unknown>).format);
  return {
    kind: "schema",
    rule: "lenient-format",
    pointer: error.instancePath,
    expected: `format ${format} (${lenientForms[form]!.describe} is allowed too: x-vbm365-lenient-format lists ${form} for this field)`,
    actual: describeValue(value, error.instancePath),
  };
}

function schemaViolation(error: ErrorObject, body: unknown): Omit<Violation, "operationId" | "request"> {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const pointer = `${error.instancePath}/${escapePointerToken(String(params.missingProperty))}`;
      return { kind: "schema", rule: "required", pointer, expected: "a required property", actual: "absent" };
    }
    case "type":
      return {
        kind: "schema",
        rule: "type",
        pointer: error.instancePath,
        expected: `type ${String(params.type)}`,
        actual: describeValue(readPointer(body, error.instancePath), error.instancePath),
      };
    case "enum":
      return {
        kind: "schema",
        rule: "enum",
        pointer: error.instancePath,
        expected: `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
        actual: describeValue(readPointer(body, error.instancePath), error.instancePath),
      };
    case "format":
      return {
        kind: "schema",
        rule: "format",
        pointer: error.instancePath,
        expected: `format ${String(params.format)}`,
        actual: describeValue(readPointer(body, error.instancePath), error.instancePath),
      };
    default:
      return {
        kind: "schema",
        rule: error.keyword,
        pointer: error.instancePath,
        expected: error.message ?? error.keyword,
        actual: describeValue(readPointer(body, error.instancePath), error.instancePath),
      };
  }
}
