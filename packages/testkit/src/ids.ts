// UUIDs that encode their own index: a 40-bit number is scrambled with a keyed Feistel
// network into the UUID and a keyed checksum fills the rest. Decoding needs no lookup
// table, which is what lets a million sessions be found by id without storing them.
import { hash32 } from "./random.js";

const HALF_BITS = 20;
const HALF = 2 ** HALF_BITS;
const HALF_MASK = HALF - 1;
const ROUNDS = 4;
export const MAX_ENCODABLE = 2 ** 40;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

function scramble(n: number, key: readonly number[]): number {
  let left = Math.floor(n / HALF);
  let right = n % HALF;
  for (let round = 0; round < ROUNDS; round++) {
    const next = (left ^ (hash32(...key, round, right) & HALF_MASK)) >>> 0;
    left = right;
    right = next;
  }
  return left * HALF + right;
}

function unscramble(x: number, key: readonly number[]): number {
  let left = Math.floor(x / HALF);
  let right = x % HALF;
  for (let round = ROUNDS - 1; round >= 0; round--) {
    const previous = (right ^ (hash32(...key, round, left) & HALF_MASK)) >>> 0;
    right = left;
    left = previous;
  }
  return left * HALF + right;
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, "0");

/** The UUID for number `n` (0 <= n < 2^40) under `key`. */
export function encodeId(n: number, key: readonly number[]): string {
  const x = hex(scramble(n, key), 10);
  const check = hex(hash32(...key, 0xc4ec, n), 8);
  const tailA = hash32(...key, 0x7a11, n);
  const tailB = hash32(...key, 0x7a12, n);
  const variant = "89ab"[tailA & 3];
  const tail = hex(tailA >>> 8, 6) + hex(tailB >>> 8, 6);
  return `${check}-${x.slice(0, 4)}-4${x.slice(4, 7)}-${variant}${x.slice(7, 10)}-${tail}`;
}

/** The number a UUID encodes under `key`, or undefined when it is not one of ours. */
export function decodeId(id: string, key: readonly number[]): number | undefined {
  if (!isUuid(id)) return undefined;
  const lower = id.toLowerCase();
  const x = Number.parseInt(lower.slice(9, 13) + lower.slice(15, 18) + lower.slice(20, 23), 16);
  const n = unscramble(x, key);
  return encodeId(n, key) === lower ? n : undefined;
}
