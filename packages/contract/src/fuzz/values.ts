// Parameter values drawn from their schemas: valid ones (bounds and their neighbours,
// date-times with and without offsets and fractional digits, ids the target answered
// with) and ones that break the schema, each saying what it breaks.
import fc from "fast-check";
import { formatIsoTicks } from "@vbm365/client";
import { ownLimitNote, ownLimits, type JsonSchema } from "../spec.js";

interface Scalar {
  type?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  enum?: unknown[];
}

/** A value that breaks its schema, with what it breaks, for the failure report. */
export interface Broken {
  value: string;
  breaks: string;
  /**
   * Set when what it breaks is a limit of this spec's own (x-vbm365-own-limit), not a fact
   * of the vendor's: a server may accept it, which is a warning, never a failure.
   */
  ownLimit?: string;
}

const minTicks = BigInt(Date.UTC(2000, 0, 1)) * 10_000n;
const maxTicks = BigInt(Date.UTC(2099, 11, 31)) * 10_000n;

/** Offsets real servers write: whole and half hours from -12:00 to +14:00, and UTC spelled both ways. */
const zone: fc.Arbitrary<"Z" | number> = fc.oneof(
  { arbitrary: fc.constant("Z" as const), weight: 3 },
  { arbitrary: fc.integer({ min: -24, max: 28 }).map((half) => half * 30), weight: 2 },
);

/** A date-time near one of `near` (the target's own instants) or anywhere this century. */
export function dateTime(near: readonly bigint[] = []): fc.Arbitrary<string> {
  const anywhere = fc.bigInt({ min: minTicks, max: maxTicks });
  // Up to a second either side, so a bound falls between two real items, or on one.
  const close =
    near.length === 0
      ? anywhere
      : fc.tuple(fc.constantFrom(...near), fc.bigInt({ min: -10_000_000n, max: 10_000_000n })).map(([t, d]) => t + d);
  return fc
    .tuple(fc.oneof({ arbitrary: close, weight: 3 }, { arbitrary: anywhere, weight: 1 }), zone, fc.integer({ min: 0, max: 7 }))
    .map(([ticks, z, digits]) => formatIsoTicks(ticks, digits, z === "Z" ? undefined : z));
}

/** Whole numbers inside the bounds, mostly small, with the bounds themselves. */
function integer(schema: Scalar): fc.Arbitrary<string> {
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? 2 ** 31 - 1;
  return fc
    .oneof(
      { arbitrary: fc.integer({ min, max: Math.min(max, min + 50) }), weight: 4 },
      { arbitrary: fc.constantFrom(min, max), weight: 1 },
      { arbitrary: fc.integer({ min, max }), weight: 1 },
    )
    .map(String);
}

/** A valid value for a parameter schema; undefined for shapes the fuzzer does not know. */
export function validValue(raw: JsonSchema | undefined, times: readonly bigint[] = []): fc.Arbitrary<string> | undefined {
  const schema = (raw ?? {}) as Scalar;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === "integer") return integer(schema);
  if (schema.type === "boolean") return fc.constantFrom("true", "false");
  if (schema.format === "date-time") return dateTime(times);
  if (schema.format === "uuid") return fc.uuid();
  if (schema.type === "string") return fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 20, 20) });
  return undefined;
}

/** Values that break the schema, each with the reason; undefined when none is known. */
export function brokenValue(raw: JsonSchema | undefined): fc.Arbitrary<Broken> | undefined {
  const schema = (raw ?? {}) as Scalar;
  const own = ownLimits(raw);
  /** A value beyond a bound: the vendor's bound must be refused, one of our own only warns. */
  const beyond = (keyword: "minimum" | "maximum" | "maxLength", value: string, breaks: string): Broken =>
    own.has(keyword) ? { value, breaks, ownLimit: ownLimitNote(keyword, schema[keyword]) } : { value, breaks };
  const broken: Broken[] = [];
  if (schema.type === "integer") {
    if (typeof schema.minimum === "number")
      broken.push(beyond("minimum", String(schema.minimum - 1), `below the minimum ${schema.minimum}`));
    if (typeof schema.maximum === "number")
      broken.push(beyond("maximum", String(schema.maximum + 1), `above the maximum ${schema.maximum}`));
    broken.push(
      { value: "1.5", breaks: "not a whole number" },
      { value: "abc", breaks: "not a number" },
      { value: "99999999999", breaks: "beyond 32 bits" },
    );
  }
  if (schema.format === "date-time") {
    // Calendar and clock errors: no parser of ISO 8601 (.NET's included) accepts them.
    broken.push(
      { value: "notadate", breaks: "not a date-time" },
      { value: "2022-13-01T00:00:00Z", breaks: "month 13" },
      { value: "2022-02-30T10:00:00Z", breaks: "February 30" },
      { value: "2022-03-12T25:00:00Z", breaks: "hour 25" },
      { value: "2022-03-12T10:61:00Z", breaks: "minute 61" },
    );
    if (typeof schema.maxLength === "number") {
      broken.push(beyond("maxLength", `2022-03-12T15:55:20.${"1".repeat(schema.maxLength)}Z`, `longer than maxLength ${schema.maxLength}`));
    }
  }
  if (schema.format === "uuid") {
    // A fixed uuid, so the same seed draws the same requests.
    const uuid = "635b22cf-9cdc-4004-9160-9b90f90f1bbf";
    broken.push(
      { value: "not-a-uuid", breaks: "not a uuid" },
      { value: uuid.slice(0, -1), breaks: "a uuid one digit short" },
      { value: uuid.replace(/-/g, "").replace(/^(.{8})/, "$1-"), breaks: "a uuid with its dashes misplaced" },
    );
  }
  if (Array.isArray(schema.enum)) broken.push({ value: "NotInTheEnum", breaks: `not one of ${schema.enum.join(", ")}` });
  return broken.length === 0 ? undefined : fc.constantFrom(...broken);
}
