// Restored objects counted by service, name and (v8) id. Nested maps keyed by the parts as
// they come, instead of one key glued from them per action: gluing and then hashing a new
// string for each of a million actions was the aggregation's largest cost.
import { objectKind } from "./labels.js";
import type { RestoredObject } from "./types.js";

interface Entry {
  actions: number;
  bytes: number;
}

export class ObjectTally {
  // service -> name -> id ("" without one) -> counts
  private readonly byService = new Map<string, Map<string, Map<string, Entry>>>();

  add(service: string, name: string, id: string | null, bytes: number): void {
    let names = this.byService.get(service);
    if (!names) {
      names = new Map();
      this.byService.set(service, names);
    }
    let ids = names.get(name);
    if (!ids) {
      ids = new Map();
      names.set(name, ids);
    }
    const entry = ids.get(id ?? "");
    if (entry) {
      entry.actions++;
      entry.bytes += bytes;
    } else {
      ids.set(id ?? "", { actions: 1, bytes });
    }
  }

  /** The `limit` objects with the most actions (then bytes, then name), as the report shows them. */
  top(limit: number): RestoredObject[] {
    const all: RestoredObject[] = [];
    for (const [service, names] of this.byService) {
      for (const [name, ids] of names) {
        for (const [id, entry] of ids)
          all.push({ kind: objectKind(service), name, id: id === "" ? null : id, service, actions: entry.actions, bytes: entry.bytes });
      }
    }
    const key = (object: RestoredObject) => `${object.service}\u0000${object.name}\u0000${object.id ?? ""}`;
    return all
      .sort((a, b) => b.actions - a.actions || b.bytes - a.bytes || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .slice(0, limit);
  }
}
