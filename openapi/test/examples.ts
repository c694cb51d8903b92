// Finds every example in a dereferenced OpenAPI 3.1 document and validates it against the
// schema it illustrates, with Ajv's JSON Schema 2020-12 dialect (the one OpenAPI 3.1 uses).
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats ships CommonJS; under ESM its function sits on `default`.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as typeof addFormatsModule;

export type ExampleKind = "media type" | "parameter" | "header" | "schema";
export interface FoundExample {
  /** JSON pointer-like path to the example in the bundle, for the error message. */
  where: string;
  kind: ExampleKind;
  value: unknown;
  schema: object | undefined;
}

const schemaChildren = ["items", "not", "additionalProperties", "contains", "if", "then", "else", "propertyNames"];
const schemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
const schemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];

export function collectExamples(document: any): FoundExample[] {
  const found: FoundExample[] = [];

  const walkSchema = (schema: any, where: string) => {
    if (schema === null || typeof schema !== "object") return;
    if (Array.isArray(schema.examples)) {
      for (const [index, value] of (schema.examples as unknown[]).entries()) {
        found.push({ where: `${where}/examples/${index}`, kind: "schema", value, schema });
      }
    }
    if ("example" in schema) found.push({ where: `${where}/example`, kind: "schema", value: schema.example, schema });
    for (const key of schemaChildren) walkSchema(schema[key], `${where}/${key}`);
    for (const key of schemaLists) {
      for (const [i, child] of ((schema[key] ?? []) as unknown[]).entries()) walkSchema(child, `${where}/${key}/${i}`);
    }
    for (const key of schemaMaps) {
      for (const [name, child] of Object.entries(schema[key] ?? {})) walkSchema(child, `${where}/${key}/${name}`);
    }
  };

  const walk = (node: any, where: string) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, `${where}/${i}`);
      return;
    }
    // `#/components/examples` is a library, validated where it is used.
    const holdsExamples = where !== "#/components" && ("example" in node || "examples" in node);
    // Media type, parameter and header objects all pair `schema` with `example(s)`.
    if (holdsExamples) {
      const kind: ExampleKind = /\/parameters\/[^/]+$/.test(where)
        ? "parameter"
        : /\/headers\/[^/]+$/.test(where)
          ? "header"
          : "media type";
      if ("example" in node) found.push({ where: `${where}/example`, kind, value: node.example, schema: node.schema });
      for (const [name, example] of Object.entries<any>(node.examples ?? {})) {
        if (example.externalValue) throw new Error(`${where}/examples/${name}: externalValue cannot be validated; inline the value`);
        found.push({ where: `${where}/examples/${name}`, kind, value: example.value, schema: node.schema });
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "examples" || key === "example") continue;
      if (key === "schema" || (key === "schemas" && where === "#/components")) {
        if (key === "schema") walkSchema(child, `${where}/schema`);
        else for (const [name, schema] of Object.entries(child as object)) walkSchema(schema, `${where}/schemas/${name}`);
        continue;
      }
      walk(child, `${where}/${pointerKey(key)}`);
    }
  };

  walk(document, "#");
  return found;
}

const pointerKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** An Ajv that knows OpenAPI's extra schema keywords, so strict mode still catches typos. */
export function createValidator(document: any) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs", ...extensionKeywords(document)]);
  return (example: FoundExample): ErrorObject[] => {
    if (!example.schema) return [{ message: "has no schema to validate against" } as ErrorObject];
    const validate = ajv.compile(example.schema);
    return validate(example.value) ? [] : (validate.errors ?? []);
  };
}

export function describeErrors(errors: ErrorObject[]) {
  return errors
    .map((error) => `${error.instancePath || "(root)"} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ""}`)
    .join("; ");
}

function extensionKeywords(node: any, found = new Set<string>()): string[] {
  if (node !== null && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeywords(child, found);
    }
  }
  return [...found];
}
