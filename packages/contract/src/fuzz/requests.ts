// One generated request and what the spec lets the server answer to it. Every operation of
// the bundle gets requests drawn from its parameters' schemas: valid ones, and ones broken
// in a single named way (a parameter out of its schema, an unknown or crossed id, no token,
// a token the server never issued, a token form missing a field).
import fc from "fast-check";
import type { Target } from "../target.js";
import { isWrite } from "../checks/operation.js";
import { pathParameters, queryParameters, type JsonSchema, type Operation } from "../spec.js";
import { knownValues, type Pool } from "./pool.js";
import { brokenValue, validValue } from "./values.js";

/** The statuses a request may get: exact, a class, or a 2xx where an id may be unknown. */
export type Expectation = "2xx" | "2xx or 404" | "404" | "4xx" | "401";

export interface FuzzRequest {
  op: Operation;
  /** Path values, unencoded. */
  values: Record<string, string>;
  query: [string, string][];
  /** A form body (the token grant), when the operation takes one. */
  form?: Record<string, string>;
  auth: "token" | "none" | "bogus";
  expect: Expectation;
  /** "valid", or the one thing that is wrong with the request. */
  because: string;
  /**
   * Set when the one thing wrong is a limit of this spec's own (x-vbm365-own-limit): a 4xx
   * is still what it asks for, but a 2xx with the declared body is only a warning.
   */
  ownLimit?: string;
}

const secretField = /password|token|secret/i;

/** The request as one line, secrets masked: what a failure report shows. */
export function describeRequest(r: FuzzRequest): string {
  const path = r.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(r.values[name] ?? ""));
  const query = r.query.length === 0 ? "" : `?${new URLSearchParams(r.query).toString()}`;
  const form = r.form
    ? ` form ${Object.entries(r.form)
        .map(([k, v]) => `${k}=${secretField.test(k) ? "<redacted>" : v}`)
        .join("&")}`
    : "";
  const auth = r.auth === "none" ? " without a token" : r.auth === "bogus" ? " with a token the server never issued" : "";
  return `${r.op.method} ${path}${query}${form}${auth}, expecting ${r.expect}${r.because === "valid" ? "" : ` (${r.because})`}`;
}

/** fast-check prints counterexamples with this, so a shrunk request reads as a request. */
function printable(r: FuzzRequest): FuzzRequest {
  return Object.defineProperty(r, fc.toStringMethod, { value: () => describeRequest(r), enumerable: false });
}

/** Each optional query parameter left out or given a valid value; required ones always given. */
function validQuery(op: Operation, pool: Pool): fc.Arbitrary<[string, string][]> {
  const parts = queryParameters(op).flatMap((p) => {
    const value = validValue(p.schema, pool.times);
    if (!value) return [];
    const pair = value.map((v): [string, string] => [p.name, v]);
    return [p.required ? pair.map((x) => [x]) : fc.option(pair, { nil: undefined }).map((x) => (x ? [x] : []))];
  });
  return fc.tuple(...parts).map((lists) => lists.flat());
}

/** A token form the spec allows: the first grant whose required fields the target can fill. */
export function validForm(op: Operation, target: Target): Record<string, string> | undefined {
  const schema = op.requestBody?.content?.["application/x-www-form-urlencoded"]?.schema as { oneOf?: JsonSchema[] } | undefined;
  for (const grant of schema?.oneOf ?? (schema ? [schema] : [])) {
    const { required = [], properties = {} } = grant as { required?: string[]; properties?: Record<string, { const?: unknown }> };
    const form: Record<string, string> = {};
    for (const name of required) {
      const value = properties[name]?.const ?? (target.credentials as Record<string, string> | undefined)?.[name];
      if (typeof value !== "string") break;
      form[name] = value;
    }
    if (Object.keys(form).length === required.length) return form;
  }
  return undefined;
}

function brokenForms(form: Record<string, string>): fc.Arbitrary<{ form: Record<string, string>; because: string }> {
  const names = Object.keys(form);
  return fc.oneof(
    fc.constantFrom(...names).map((name) => {
      const { [name]: _, ...rest } = form;
      return { form: rest, because: `the form lacks ${name}` };
    }),
    fc.constant({ form: { ...form, grant_type: "client_credentials" }, because: "a grant_type the spec does not list" }),
    // Never a wrong password: on a real server a run of them could lock the account out.
  );
}

/** Ids that name nothing, and ids of one parent combined with a child of another. */
function unknownIds(op: Operation, known: Record<string, string>[], stateful: boolean): fc.Arbitrary<FuzzRequest>[] {
  const params = pathParameters(op);
  const expect: Expectation = stateful ? "404" : "2xx or 404";
  const arbs: fc.Arbitrary<FuzzRequest>[] = [];
  const uuidParams = params.filter((p) => (p.schema as { format?: string } | undefined)?.format === "uuid");
  if (uuidParams.length > 0 && known.length > 0) {
    arbs.push(
      fc
        .tuple(fc.constantFrom(...known), fc.constantFrom(...uuidParams), fc.uuid({ version: 4 }))
        .map(([values, p, id]) => base(op, { ...values, [p.name]: id }, expect, `{${p.name}} names nothing on the server`)),
    );
  }
  const last = params.at(-1)?.name;
  const crossed = known.flatMap((a) =>
    known.filter((b) => params.slice(0, -1).some((p) => a[p.name] !== b[p.name])).map((b) => [a, b] as const),
  );
  if (last && params.length > 1 && crossed.length > 0) {
    arbs.push(
      fc
        .constantFrom(...crossed.slice(0, 50))
        .map(([a, b]) => base(op, { ...a, [last]: b[last]! }, expect, `{${last}} belongs to another ${params.at(-2)!.name}`)),
    );
  }
  return arbs;
}

function base(op: Operation, values: Record<string, string>, expect: Expectation, because: string): FuzzRequest {
  return { op, values, query: [], auth: "token", expect, because };
}

/**
 * The requests the fuzzer sends to `op`, half of them valid and half broken in one named
 * way; undefined when it cannot call `op` at all.
 */
export function requestsFor(op: Operation, pool: Pool, target: Target): fc.Arbitrary<FuzzRequest> | undefined {
  if (isWrite(op) && !target.allowWrites) return undefined;
  const known = knownValues(pool, op);
  const form = op.requestBody ? validForm(op, target) : undefined;
  if (op.requestBody && !form) return undefined;
  const broken: fc.Arbitrary<FuzzRequest>[] = [];
  let valid: fc.Arbitrary<FuzzRequest> | undefined;
  const withValues = known.length > 0 ? fc.constantFrom(...known) : undefined;
  if (withValues) {
    // A valid write would change the server on every run (stop every listed session): writes
    // get only requests that must be refused, and the contract check does the one real Stop.
    if (!isWrite(op))
      valid = fc.tuple(withValues, validQuery(op, pool)).map(([values, query]) => ({ ...base(op, values, "2xx", "valid"), query, form }));
    for (const p of queryParameters(op)) {
      const value = brokenValue(p.schema);
      if (value)
        broken.push(
          fc.tuple(withValues, value).map(([values, b]) => ({
            ...base(op, values, "4xx", `${p.name}=${b.value} is ${b.breaks}`),
            query: [[p.name, b.value]],
            form,
            ownLimit: b.ownLimit,
          })),
        );
    }
    for (const p of pathParameters(op)) {
      const value = brokenValue(p.schema);
      if (value)
        broken.push(
          fc.tuple(withValues, value).map(([values, b]) => ({
            ...base(op, { ...values, [p.name]: b.value }, "4xx", `{${p.name}} is ${b.breaks}`),
            ownLimit: b.ownLimit,
          })),
        );
    }
    if (op.secured) {
      broken.push(withValues.map((values) => ({ ...base(op, values, "401", "no token"), auth: "none" as const })));
      if (target.capabilities.validatesTokens)
        broken.push(withValues.map((values) => ({ ...base(op, values, "401", "a token never issued"), auth: "bogus" as const })));
    }
    if (form)
      broken.push(fc.tuple(withValues, brokenForms(form)).map(([values, b]) => ({ ...base(op, values, "4xx", b.because), form: b.form })));
  }
  broken.push(...unknownIds(op, known, target.capabilities.stateful));
  const weighted = [
    ...(valid ? [{ arbitrary: valid, weight: Math.max(1, broken.length) }] : []),
    ...broken.map((arbitrary) => ({ arbitrary, weight: 1 })),
  ];
  return weighted.length === 0 ? undefined : fc.oneof(...weighted).map(printable);
}
