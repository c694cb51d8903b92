// Server-side ordering (v8's `orderBy` and `orderAsc`), on targets that keep state: for each
// value of `orderBy`, one page as large as the spec allows comes back sorted by the item
// field it names, oldest first with `orderAsc=true` and newest first with `false`, and
// holds the same items as the unordered page.
import type { ContractContext } from "../context.js";
import { queryParameters, type Operation } from "../spec.js";
import type { Violation } from "../violations.js";
import { whenCallable } from "./operation.js";
import { readReference, type Item } from "./paging-reference.js";
import { pass, skip, statelessReason, type Check } from "./types.js";

/** The item property an `orderBy` value names: `EndTime` -> `endTime`. */
export function fieldOfOrder(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

function timeOf(item: Item, field: string): number | undefined {
  const raw = item[field];
  const ms = typeof raw === "string" ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** The first pair of neighbours (among items with the value) in the wrong order, if any. */
function firstOutOfOrder(items: Item[], field: string, ascending: boolean): { index: number; before: Item; after: Item } | undefined {
  // Where items without the value go (a running session has no endTime) is not documented.
  const timed = items.map((item, index) => ({ item, index, at: timeOf(item, field) })).filter((t) => t.at !== undefined);
  for (let i = 1; i < timed.length; i++) {
    const [a, b] = [timed[i - 1]!, timed[i]!];
    if (ascending ? b.at! < a.at! : b.at! > a.at!) return { index: b.index, before: a.item, after: b.item };
  }
  return undefined;
}

async function checkDirection(
  ctx: ContractContext,
  op: Operation,
  orderBy: string,
  ascending: boolean,
  expectedIds: Set<string>,
  complete: boolean,
): Promise<Violation[]> {
  const field = fieldOfOrder(orderBy);
  const sorted = await readReference(ctx, op, { orderBy, orderAsc: String(ascending) });
  const request = `${op.method} ${sorted.basePath}?orderBy=${orderBy}&orderAsc=${String(ascending)}`;
  const violations = [...sorted.violations];
  const wrong = firstOutOfOrder(sorted.items, field, ascending);
  if (wrong) {
    violations.push({
      operationId: op.operationId,
      request,
      kind: "order",
      rule: `orderBy=${orderBy}`,
      pointer: `/results/${wrong.index}/${field}`,
      expected: `${ascending ? "oldest first" : "newest first"} by ${field} (orderAsc=${String(ascending)})`,
      actual: `${String(wrong.after[field])} after ${String(wrong.before[field])}`,
    });
  }
  const got = new Set(sorted.items.map((i) => String(i.id)));
  const missing = [...expectedIds].filter((id) => !got.has(id));
  if (complete && (missing.length > 0 || got.size !== expectedIds.size)) {
    violations.push({
      operationId: op.operationId,
      request,
      kind: "order",
      rule: "same-items",
      pointer: "/results",
      expected: `the ${expectedIds.size} items of the unordered page, reordered`,
      actual: `${got.size} items, ${missing.length} of them missing`,
    });
  }
  return violations;
}

function orderCheck(op: Operation, orderBy: string): Check {
  const field = fieldOfOrder(orderBy);
  return {
    id: `${op.operationId}/order-${orderBy}`,
    title: `${op.operationId}: orderBy=${orderBy} sorts by ${field}, both ways (orderAsc)`,
    group: "paging",
    operationId: op.operationId,
    run: (ctx) =>
      whenCallable(async () => {
        if (!ctx.target.capabilities.stateful) return skip(statelessReason.order);
        const reference = await readReference(ctx, op);
        if (reference.violations.length > 0) return pass(reference.violations);
        if (!reference.complete) return skip("more items than one page holds: the order is judged on the whole set");
        const ids = new Set(reference.items.map((i) => String(i.id)));
        const violations: Violation[] = [];
        for (const ascending of [true, false])
          violations.push(...(await checkDirection(ctx, op, orderBy, ascending, ids, reference.complete)));
        return pass(violations);
      }),
  };
}

/** One check per `orderBy` value of a paged GET that has `orderBy` and `orderAsc` (v8 on). */
export function orderChecks(op: Operation): Check[] {
  const params = queryParameters(op);
  const orderBy = params.find((p) => p.name === "orderBy");
  if (!orderBy || !params.some((p) => p.name === "orderAsc")) return [];
  const values = (orderBy.schema as { enum?: unknown[] } | undefined)?.enum ?? [];
  return values.filter((v): v is string => typeof v === "string").map((value) => orderCheck(op, value));
}
