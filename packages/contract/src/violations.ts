// One way to name a disagreement between a target and the spec, for every check.

export type ViolationKind =
  | "status" // an unexpected status code
  | "content-type" // a media type the spec does not declare for that answer
  | "invalid-json" // a JSON media type with a body that does not parse
  | "schema" // the body breaks the response schema; `rule` is the Ajv keyword
  | "auth" // a call without a valid token was answered with data
  | "paging" // the paging contract; `rule` says which part
  | "filter" // a query filter was not honoured
  | "order" // a page not sorted as orderBy/orderAsc asked (v8)
  | "consistency" // two answers that must agree do not (the fuzzer: same read twice, a listed id, an equivalent request)
  | "transport"; // no answer at all (connection refused, TLS failure, timeout)

export interface Violation {
  operationId: string;
  /** The request, method and path with query; never a header. */
  request: string;
  kind: ViolationKind;
  /** Ajv keyword for `schema` (type, required, enum, format, ...); the paging rule for `paging`. */
  rule?: string;
  /** JSON pointer into the response body ("" for the whole body; the missing property for `required`). */
  pointer: string;
  expected: string;
  actual: string;
  /** How many more violations of the same kind at the same place in other items were folded into this one. */
  more?: number;
}

/**
 * Folds violations that differ only in array index (every item of a page missing the same
 * property) into the first, counting the rest, so one systematic defect reads as one line.
 */
export function collapse(violations: Violation[]): Violation[] {
  const firsts = new Map<string, Violation>();
  for (const v of violations) {
    const key = [v.operationId, v.kind, v.rule, v.pointer.replace(/\/\d+(?=\/|$)/g, "/*"), v.expected].join("\u0000");
    const first = firsts.get(key);
    if (first) first.more = (first.more ?? 0) + 1 + (v.more ?? 0);
    else firsts.set(key, { ...v });
  }
  return [...firsts.values()];
}

export function formatViolation(v: Violation): string {
  const where = v.pointer === "" ? "(body)" : v.pointer;
  const what = v.rule ? `${v.kind}/${v.rule}` : v.kind;
  const more = v.more ? ` (+${v.more} more like it)` : "";
  return `${v.operationId} ${v.request} ${where}: expected ${v.expected}, got ${v.actual} [${what}]${more}`;
}

const secretKey = /token|password|secret/i;

/** A short, printable rendering of an actual value; secrets are masked by their key. */
export function describeValue(value: unknown, pointer = ""): string {
  if (value === undefined) return "absent";
  if (pointer.split("/").some((key) => secretKey.test(key))) return "<redacted>";
  const text = JSON.stringify(value, (k, v: unknown) => (k !== "" && secretKey.test(k) ? "<redacted>" : v));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Raw body text for a message: values of secret-looking JSON keys are masked. */
export function redactText(text: string): string {
  return text.replace(/("[^"]*(?:token|password|secret)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/gi, '$1"<redacted>"');
}

/** Reads a JSON pointer (RFC 6901) from a value; undefined when it does not resolve. */
export function readPointer(value: unknown, pointer: string): unknown {
  if (pointer === "") return value;
  let current = value;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
