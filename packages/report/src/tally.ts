// Counters keyed by a name: how many actions and how many bytes. Maps, so a key such as
// `__proto__` or `constructor` is a key like any other.
import type { CountAndSize, NamedCount } from "./types.js";

export class Tally<Extra = undefined> {
  private readonly entries = new Map<string, CountAndSize & { extra: Extra }>();

  add(key: string, bytes: number | null, extra: Extra): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.actions++;
      entry.bytes += bytes ?? 0;
    } else {
      this.entries.set(key, { actions: 1, bytes: bytes ?? 0, extra });
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The `limit` largest by `by`, ties broken by name so the same data gives the same order. */
  top(limit: number, by: "actions" | "bytes"): { key: string; actions: number; bytes: number; extra: Extra }[] {
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
