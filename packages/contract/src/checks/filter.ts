// The start-time filters of a paged collection, on targets that keep state: a filter
// returns exactly the items of the reference page on its side of a cut between two items.
import type { JsonSchema, Operation } from "../spec.js";
import { whenCallable } from "./operation.js";
import { maxLimit, readReference } from "./paging-reference.js";
import { pass, skip, statelessReason, type Check } from "./types.js";

type ItemSchema = JsonSchema & { required?: string[]; properties?: Record<string, { format?: string }> };

function itemSchema(op: Operation): ItemSchema | undefined {
  const schema = op.responses["200"]?.content?.["application/json"]?.schema as
    | { properties?: { results?: { items?: ItemSchema } } }
    | undefined;
  return schema?.properties?.results?.items;
}

/** The date-time property every item must carry: what the start-time filters compare. */
export function filteredField(op: Operation): string | undefined {
  const item = itemSchema(op);
  return item?.required?.find((name) => item.properties?.[name]?.format === "date-time");
}

/**
 * The item property a filter compares: the one named by its stem (v8's `endTimeFrom` ->
 * `endTime`), else the item's required date-time (`startTimeFrom` -> `creationTime`).
 */
export function fieldOfFilter(op: Operation, filter: string): string | undefined {
  const stem = filter.replace(/(From|To)$/i, "");
  return itemSchema(op)?.properties?.[stem] ? stem : filteredField(op);
}

/** The item's time in ms, or undefined when it has none (a running session has no endTime). */
function timeOf(item: Record<string, unknown>, field: string): number | undefined {
  const raw = item[field];
  const ms = typeof raw === "string" ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

export function filterCheck(op: Operation, param: string, bound: "from" | "to"): Check {
  return {
    id: `${op.operationId}/filter-${param}`,
    title: `${op.operationId}: ${param} returns exactly the items ${bound === "from" ? "after" : "before"} it`,
    group: "paging",
    operationId: op.operationId,
    run: (ctx) =>
      whenCallable(async () => {
        if (!ctx.target.capabilities.stateful) return skip(statelessReason.filter);
        const field = fieldOfFilter(op, param);
        if (!field) return skip(`the items of ${op.operationId} have no date-time property for ${param} to filter on`, true);
        const reference = await readReference(ctx, op);
        if (reference.violations.length > 0) return pass(reference.violations);
        if (!reference.complete)
          return skip(`more items than one page of ${maxLimit(op)} holds: the filter needs the whole set to compare with`);
        // Items without the value (no endTime yet) are not judged: whether a filter keeps them is not documented.
        const judged = reference.items.filter((i) => timeOf(i, field) !== undefined);
        const unjudged = new Set(reference.items.filter((i) => timeOf(i, field) === undefined).map((i) => String(i.id)));
        const times = [...new Set(judged.map((i) => timeOf(i, field)!))].sort((a, b) => a - b);
        // A cut between two items at least 2 ms apart, so sub-millisecond digits cannot sit on it.
        const gaps = times
          .slice(1)
          .map((t, i) => [times[i]!, t] as const)
          .filter(([a, b]) => b - a >= 2);
        const gap = gaps[Math.floor(gaps.length / 2)];
        if (!gap) return skip(`fewer than two distinct ${field} values to cut between`);
        const cut = gap[0] + Math.floor((gap[1] - gap[0]) / 2);
        const wanted = new Set(
          judged.filter((i) => (bound === "from" ? timeOf(i, field)! > cut : timeOf(i, field)! < cut)).map((i) => String(i.id)),
        );
        const filtered = await readReference(ctx, op, { [param]: new Date(cut).toISOString() });
        const got = filtered.items.map((i) => String(i.id));
        const wrong = filtered.items.filter((i) => !wanted.has(String(i.id)) && !unjudged.has(String(i.id)));
        const missing = [...wanted].filter((id) => !got.includes(id));
        const violations = [...filtered.violations];
        if (wrong.length > 0 || missing.length > 0) {
          const example = wrong[0] ? `${String(wrong[0].id)} with ${field} ${String(wrong[0][field])}` : `${missing[0]} missing`;
          violations.push({
            operationId: op.operationId,
            request: `${op.method} ${reference.basePath}?${param}=${new Date(cut).toISOString()}`,
            kind: "filter",
            rule: param,
            pointer: "/results",
            expected: `${wanted.size} items with ${field} ${bound === "from" ? "after" : "before"} ${new Date(cut).toISOString()}`,
            actual: `${got.length} items, ${wrong.length} outside the window, ${missing.length} missing (${example})`,
          });
        }
        return pass(violations);
      }),
  };
}
