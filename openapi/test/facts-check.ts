// Compares one dereferenced bundle with the facts of its API version (test/facts.ts) and
// lists every difference. The only differences allowed are extra error statuses whose
// description says they are expected rather than documented (the vendor declares every
// error as `default`).
import type { BodyFact, FieldFact, OperationFact, VersionFacts } from "./facts.js";

const METHODS = ["get", "put", "post", "delete", "patch"];
const EXPLAINED = /not document|inferred|expected/i;

export function compareWithFacts(bundle: any, facts: VersionFacts): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries<any>(bundle.paths ?? {})) {
    for (const method of METHODS.filter((name) => item[name])) {
      const key = `${method.toUpperCase()} ${path}`;
      seen.add(key);
      const fact = facts.operations[key];
      if (!fact) problems.push(`${key}: not in the facts`);
      else compareOperation(bundle, key, item, item[method], fact, facts, problems);
    }
  }
  for (const key of Object.keys(facts.operations)) if (!seen.has(key)) problems.push(`${key}: missing from the bundle`);
  return problems;
}

function compareOperation(
  bundle: any,
  key: string,
  item: any,
  operation: any,
  fact: OperationFact,
  facts: VersionFacts,
  problems: string[],
) {
  const report = (message: string) => problems.push(`${key}: ${message}`);
  if (operation.operationId !== fact.operationId) report(`operationId ${operation.operationId}, facts say ${fact.operationId}`);

  const parameters = new Map<string, any>();
  for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) parameters.set(parameter.name, parameter);
  sameSet([...parameters.keys()], Object.keys(fact.parameters), `parameters`, report);
  for (const [name, expected] of Object.entries(fact.parameters)) {
    const parameter = parameters.get(name);
    if (!parameter) continue;
    if (parameter.in !== expected.in) report(`parameter ${name} is in ${parameter.in}, facts say ${expected.in}`);
    if (Boolean(parameter.required) !== (expected.in === "path")) report(`parameter ${name}: required is ${parameter.required}`);
    compareField(parameter.schema ?? {}, expected, `parameter ${name}`, report);
  }

  const anonymous = Array.isArray(operation.security) && operation.security.length === 0;
  if (anonymous !== Boolean(fact.anonymous)) report(fact.anonymous ? "must be anonymous (security: [])" : "must need the bearer token");
  if (fact.anonymous && operation["x-anonymous"] !== true) report("lacks the vendor's x-anonymous: true");
  if (!fact.anonymous && (bundle.security ?? []).length === 0) report("the document declares no bearer security");

  compareRequestBody(operation.requestBody, fact, facts, report);
  compareResponses(operation.responses ?? {}, fact, facts, report);
}

function compareRequestBody(body: any, fact: OperationFact, facts: VersionFacts, report: (message: string) => void) {
  if (!fact.requestBody) {
    if (body) report("has a request body; the facts give none");
    return;
  }
  if (!body) return report("has no request body");
  sameSet(Object.keys(body.content ?? {}), fact.requestBody.mediaTypes, "request media types", report);
  for (const [mediaType, content] of Object.entries<any>(body.content ?? {})) {
    const variants = content.schema?.oneOf ?? [];
    if (variants.length !== fact.requestBody.variants.length)
      report(`request ${mediaType}: ${variants.length} grants, facts say ${fact.requestBody.variants.length}`);
    for (const [index, name] of fact.requestBody.variants.entries()) {
      compareBody(variants[index] ?? {}, facts.bodies[name]!, `request ${mediaType} ${name}`, report);
    }
  }
}

function compareResponses(responses: any, fact: OperationFact, facts: VersionFacts, report: (message: string) => void) {
  const successes = Object.keys(responses).filter((status) => /^2/.test(status));
  sameSet(successes, [fact.success.status], "success statuses", report);
  const success = responses[fact.success.status];
  if (success && Boolean(success["x-veeam-page-result"]) !== Boolean(fact.success.paged)) {
    report(`${fact.success.status}: x-veeam-page-result is ${success["x-veeam-page-result"]}, facts say ${Boolean(fact.success.paged)}`);
  }
  if (success) {
    const schema = success.content?.["application/json"]?.schema;
    if (!fact.success.body) {
      if (success.content) report(`${fact.success.status} has a body; the facts give none`);
    } else if (!schema) {
      report(`${fact.success.status} has no application/json body`);
    } else {
      compareBody(schema, facts.bodies[fact.success.body]!, `${fact.success.status} ${fact.success.body}`, report);
      const itemsBody = fact.success.body.replace(/Page$/, "");
      if (itemsBody !== fact.success.body)
        compareBody(schema.properties?.results?.items ?? {}, facts.bodies[itemsBody]!, `${fact.success.status} results[]`, report);
    }
  }
  if (!responses.default) report("declares no default response (the vendor's way of declaring errors)");
  for (const [status, response] of Object.entries<any>(responses)) {
    if (/^2/.test(status)) continue;
    if (status !== "default" && !EXPLAINED.test(response.description ?? "")) {
      report(`${status} is not in the vendor's documents and its description does not say it is expected or inferred`);
    }
    compareBody(response.content?.["application/json"]?.schema ?? {}, facts.bodies.Error!, `${status} Error`, report);
  }
}

export function compareBody(schema: any, fact: BodyFact, where: string, report: (message: string) => void) {
  sameSet(Object.keys(schema.properties ?? {}), Object.keys(fact.fields), `${where} fields`, report);
  sameSet(schema.required ?? [], fact.required, `${where} required`, report);
  for (const [name, expected] of Object.entries(fact.fields)) {
    const property = schema.properties?.[name];
    if (property) compareField(property, expected, `${where}.${name}`, report);
  }
}

function compareField(schema: any, fact: FieldFact, where: string, report: (message: string) => void) {
  const types = typesOf(schema);
  const expectedTypes = [fact.type, ...(fact.nullable ? ["null"] : [])];
  sameSet(types, expectedTypes, `${where} type`, report);
  if ((schema.format ?? undefined) !== fact.format)
    report(`${where}: format ${schema.format ?? "none"}, facts say ${fact.format ?? "none"}`);
  const values = "const" in schema ? [schema.const] : schema.enum;
  if (fact.enum || values) {
    const expectedValues = fact.enum ? [...fact.enum, ...(fact.nullable ? [null] : [])] : [];
    sameSet((values ?? []).map(String), expectedValues.map(String), `${where} enum`, report);
  }
  if (fact.default !== undefined && schema.default !== fact.default)
    report(`${where}: default ${schema.default}, facts say ${fact.default}`);
  if (fact.maximum !== undefined && schema.maximum !== fact.maximum)
    report(`${where}: maximum ${schema.maximum}, facts say ${fact.maximum}`);
}

function typesOf(schema: any): string[] {
  if (schema.type !== undefined) return [schema.type].flat();
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return typesOf(schema.allOf[0]);
  return [];
}

function sameSet(actual: string[], expected: string[], what: string, report: (message: string) => void) {
  const missing = expected.filter((value) => !actual.includes(value));
  const extra = actual.filter((value) => !expected.includes(value));
  if (missing.length > 0) report(`${what}: missing ${missing.join(", ")}`);
  if (extra.length > 0) report(`${what}: not in the facts: ${extra.join(", ")}`);
}
