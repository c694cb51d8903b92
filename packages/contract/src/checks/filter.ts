// The start-time filters of a paged collection, on targets that keep state: a filter
// returns exactly the items of the reference page on its side of a cut between two items.
import { type JsonSchema, type Operation } from "../spec.js";
import { whenCallable } from "./operation.js";
import { maxLimit, readReference } from "./paging-reference.js";
import { pass, skip, statelessReason, type Check } from "./types.js";

/** The date-time property every item must carry: what the start-time filters compare. */
export function filteredField(op: Operation): string | undefined {
  const schema = op.responses["200"]?.content?.["application/json"]?.schema as
    | { properties?: { results?: { items?: JsonSchema & { required?: string[]; properties?: Record<string, { format?: string }> } } } }
    | undefined;
  const item = schema?.properties?.results?.items;
  return item?.required?.find((name) => item.properties?.[name]?.format === "date-time");
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
        const field = filteredField(op);
        if (!field) return skip(`the items of ${op.operationId} have no required date-time property to filter on`, true);
        const reference = await readReference(ctx, op);
        if (reference.violations.length > 0) return pass(reference.violations);
        if (!reference.complete) return skip(`more items than one page of ${maxLimit(op)} holds: the filter needs the whole set to compare with`);
        const times = [...new Set(reference.items.map((i) => Date.parse(String(i[field]))))].sort((a, b) => a - b);
        // A cut between two items at least 2 ms apart, so sub-millisecond digits cannot sit on it.
        const gaps = times.slice(1).map((t, i) => [times[i]!, t] as const).filter(([a, b]) => b - a >= 2);
        const gap = gaps[Math.floor(gaps.length / 2)];
        if (!gap) return skip(`fewer than two distinct ${field} values to cut between`);
        const cut = gap[0] + Math.floor((gap[1] - gap[0]) / 2);
        const wanted = new Set(reference.items.filter((i) => (bound === "from" ? Date.parse(String(i[field])) > cut : Date.parse(String(i[field])) < cut)).map((i) => String(i.id)));
        const filtered = await readReference(ctx, op, { [param]: new Date(cut).toISOString() });
        const got = filtered.items.map((i) => String(i.id));
        const wrong = filtered.items.filter((i) => !wanted.has(String(i.id)));
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
