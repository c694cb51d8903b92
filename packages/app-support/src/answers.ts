// What a server sent, checked against the spec's own description of the answer (generated
// into @vbm365/client/facts) before an app counts or shows it: a page such as
// `{"results":"nope"}`, or a session without a creation time, is an error, not an odd table.
import { parseIsoDateTime } from "@vbm365/client";
import { ANSWER_FIELDS, type AnswerSchema, type FieldFact, type FieldType } from "@vbm365/client/facts";

/** Why a value is not the answer it should be: the field (undefined for the value itself), what was there, and what the spec wants. */
export interface AnswerProblem {
  field: string | undefined;
  /** What was there, described without repeating it ("missing", "a number"): server data is never echoed. */
  found: string;
  /** What the spec wants, in words ("a string", "a date-time or null"). */
  expected: string;
}

const TYPE_WORDS: Record<FieldType, string> = {
  string: "a string",
  "date-time": "a date-time",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/** The first way `value` differs from `schema` as the spec describes it, or undefined when it fits. Unknown enum values pass. */
export function answerProblem(value: unknown, schema: AnswerSchema): AnswerProblem | undefined {
  if (!isObject(value)) return { field: undefined, found: describeValue(value), expected: "an object" };
  for (const [field, fact] of Object.entries(ANSWER_FIELDS[schema])) {
    const present = Object.hasOwn(value, field) ? value[field] : undefined;
    if (!fits(present, fact)) return { field, found: describeValue(present), expected: expectation(fact) };
  }
  return undefined;
}

function fits(value: unknown, fact: FieldFact): boolean {
  if (value === undefined) return !fact.required;
  if (value === null) return fact.nullable;
  switch (fact.type) {
    case "string":
      return typeof value === "string";
    case "date-time":
      return typeof value === "string" && parseIsoDateTime(value) !== undefined;
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
  }
}

function expectation(fact: FieldFact): string {
  const alternatives = [fact.nullable ? "null" : undefined, fact.required ? undefined : "nothing"].filter((word) => word !== undefined);
  return alternatives.length === 0 ? TYPE_WORDS[fact.type] : `${TYPE_WORDS[fact.type]} or ${alternatives.join(" or ")}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a value is, without repeating it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
