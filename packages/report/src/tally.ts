// Counters keyed by a name: how many actions and how many bytes. Maps, so a key such as
// `__proto__` or `constructor` is a key like any other.
import type { CountAndSize, NamedCount } from "./types.js";

export class Tally {
  private readonly entries = new Map<string, CountAndSize>();

  /** Adds `actions` actions of `bytes` in all. */
  add(key: string, actions: number, bytes: number): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.actions += actions;
      entry.bytes += bytes;
    } else {
      this.entries.set(key, { actions, bytes });
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The `limit` largest by `by`, ties broken by name so the same data gives the same order. */
  top(limit: number, by: "actions" | "bytes"): { key: string; actions: number; bytes: number }[] {
    const other = by === "actions" ? "bytes" : "actions";
    return [...this.entries]
      .map(([key, entry]) => ({ key, ...entry }))
      .sort((a, b) => b[by] - a[by] || b[other] - a[other] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, limit);
  }

  /** Every entry, in the order given first, then the rest by name. */
  all(order: readonly string[] = []): NamedCount[] {
    const known = order.filter((key) => this.entries.has(key));
    const rest = [...this.entries.keys()].filter((key) => !order.includes(key)).sort();
    return [...known, ...rest].map((name) => {
      const entry = this.entries.get(name)!;
      return { name, actions: entry.actions, bytes: entry.bytes };
    });
  }
}
