// Deterministic hashing: every generated value is a pure function of (seed, index, salt),
// so a session can be computed on demand without storing anything.

const TWO_32 = 2 ** 32;

/** Murmur3's finaliser: a cheap, well-mixed 32-bit permutation. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of any list of integers (negative and >32-bit values allowed). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const low = part >>> 0;
    const high = Math.floor(part / TWO_32) | 0;
    h = mix32((h ^ low) + 0x6d2b79f5);
    h = mix32((h ^ high) + 0x1b873593);
  }
  return h;
}

/** A small sequential generator (mulberry32) for drawing many values for one entity. */
export class Draw {
  private state: number;

  constructor(...key: number[]) {
    this.state = hash32(...key);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
