// The ids the target answered with, read once before the fuzzing: valid by-id requests
// use them, and ids combined across parents (an event under another session) come from
// them too. Generated from the spec: every paged GET is listed, under the first few
// items of the list above it.
import type { ContractContext } from "../context.js";
import { filteredField } from "../checks/filter.js";
import { fillPath, pathParameters, type Operation } from "../spec.js";
import { ticksOf } from "./instant.js";

export interface Pool {
  /** Known path values by the path template they fill, e.g. `/v6/RestoreSessions/{restoreSessionId}`. */
  tuples: Map<string, Record<string, string>[]>;
  /** Instants of the listed items, so generated filter bounds fall between real items. */
  times: bigint[];
}

/** How many items of a list have the lists below them read (events of the first sessions). */
const parentsPerList = 4;

/** The path up to and including its last `{parameter}`: the template whose values `op` needs. */
export function tupleKey(op: Operation): string | undefined {
  const m = /^(.*\})[^}]*$/.exec(op.path);
  return m?.[1];
}

export function knownValues(pool: Pool, op: Operation): Record<string, string>[] {
  const key = tupleKey(op);
  return key === undefined ? [{}] : (pool.tuples.get(key) ?? []);
}

export async function discoverPool(ctx: ContractContext): Promise<Pool> {
  const pool: Pool = { tuples: new Map(), times: [] };
  const lists = ctx.operations
    .filter((op) => op.method === "GET" && op.paged)
    .sort((a, b) => pathParameters(a).length - pathParameters(b).length);
  for (const list of lists) {
    // The by-id template one level below the list, e.g. `/v6/RestoreSessions/{restoreSessionId}`.
    const byId = ctx.operations.find((op) => new RegExp(`^${escapeRegExp(list.path)}/\\{[^}/]+\\}$`, "i").test(op.path));
    const childParam = byId && pathParameters(byId).at(-1)?.name;
    if (!byId || !childParam) continue;
    const parents = knownValues(pool, list).slice(0, parentsPerList);
    const timeField = filteredField(list);
    const found = pool.tuples.get(byId.path) ?? [];
    for (const parent of parents) {
      const { res } = await ctx.call(list, { path: fillPath(list.path, parent), query: { limit: "50" } });
      if (res.status !== 200) continue;
      let items: Record<string, unknown>[];
      try {
        items = (JSON.parse(res.text) as { results?: Record<string, unknown>[] }).results ?? [];
      } catch {
        continue; // Not JSON: the requests property reports it; there are no ids to take.
      }
      for (const item of items) {
        if (typeof item.id === "string") found.push({ ...parent, [childParam]: item.id });
        const value = timeField === undefined ? undefined : item[timeField];
        const time = typeof value === "string" ? ticksOf(value) : undefined;
        if (time !== undefined) pool.times.push(time);
      }
    }
    pool.tuples.set(byId.path, found);
  }
  return pool;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
