// UUIDs that encode their own index: a 40-bit number is scrambled with a keyed Feistel
// network into the UUID and a keyed checksum fills the rest. Decoding needs no lookup
// table, which is what lets a million sessions be found by id without storing them.
// The key is one 32-bit number (see `hash32`), hashed once by the caller: ids are made
// for every session of every page, so this path is kept cheap.
import { UUID_PATTERN } from "@vbm365/client";
import { mix32 } from "./random.js";

const HALF = 2 ** 20;
const HALF_MASK = HALF - 1;
const ROUNDS = 4;
const TWO_32 = 2 ** 32;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

function round(key: number, index: number, half: number): number {
  return mix32(mix32(key ^ Math.imul(index + 1, 0x9e3779b1)) ^ half) & HALF_MASK;
}

function scramble(n: number, key: number): number {
  let left = Math.floor(n / HALF);
  let right = n % HALF;
  for (let r = 0; r < ROUNDS; r++) {
    const next = (left ^ round(key, r, right)) >>> 0;
    left = right;
    right = next;
  }
  return left * HALF + right;
}

function unscramble(x: number, key: number): number {
  let left = Math.floor(x / HALF);
  let right = x % HALF;
  for (let r = ROUNDS - 1; r >= 0; r--) {
    const previous = (right ^ round(key, r, left)) >>> 0;
    right = left;
    left = previous;
  }
  return left * HALF + right;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The 8 hex digits of a 32-bit value. */
function hex8(value: number): string {
  return BYTE_HEX[(value >>> 24) & 255]! + BYTE_HEX[(value >>> 16) & 255]! + BYTE_HEX[(value >>> 8) & 255]! + BYTE_HEX[value & 255]!;
}

/** The UUID for number `n` (0 <= n < 2^40) under a key from `hash32`. */
export function encodeId(n: number, key: number): string {
  const nHigh = Math.floor(n / TWO_32);
  const seedOfN = mix32(mix32(key ^ n) ^ Math.imul(nHigh + 1, 0x85ebca6b));
  const check = mix32(seedOfN ^ 0xc4ec);
  const tailA = mix32(seedOfN ^ 0x7a11);
  const tailB = mix32(seedOfN ^ 0x7a12);
  const x = scramble(n, key);
  // x has 40 bits: 8 hex digits of the high part and 2 of the low byte... split as 4-3-3.
  const xHex = BYTE_HEX[Math.floor(x / TWO_32) & 255]! + hex8(x >>> 0);
  const variant = "89ab"[tailA & 3];
  const tail = hex8(tailA).slice(2) + hex8(tailB).slice(2);
  return `${hex8(check)}-${xHex.slice(0, 4)}-4${xHex.slice(4, 7)}-${variant}${xHex.slice(7, 10)}-${tail}`;
}

/** The number a UUID encodes under `key`, or undefined when it is not one of ours. */
export function decodeId(id: string, key: number): number | undefined {
  if (!isUuid(id)) return undefined;
  const lower = id.toLowerCase();
  const x = Number.parseInt(lower.slice(9, 13) + lower.slice(15, 18) + lower.slice(20, 23), 16);
  const n = unscramble(x, key);
  return encodeId(n, key) === lower ? n : undefined;
}
