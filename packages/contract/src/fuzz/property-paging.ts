// A filter keeps its meaning across pages: a walk by `_links.next` with any small limit
// and any window yields each id once, ends, misses none of the single large page, and
// every item on every page lies inside the window it was asked for.
import fc from "fast-check";
import { fieldOfFilter } from "../checks/filter.js";
import { readReference } from "../checks/paging-reference.js";
import { walkPages } from "../checks/paging-walk.js";
import { statelessReason } from "../checks/types.js";
import { queryParameters, type Operation } from "../spec.js";
import type { Violation } from "../violations.js";
import { ticksOf } from "./instant.js";
import { knownValues, type Pool } from "./pool.js";
import { failOn, runner, type PropertyBuilder } from "./property.js";
import { count } from "./tally.js";
import { dateTime } from "./values.js";

interface Walk {
  op: Operation;
  values: Record<string, string>;
  limit: number;
  /** Filter name -> value; the bound is `from` when the name ends in From, else `to`. */
  window: Record<string, string>;
}

function describeWalk(w: Walk): string {
  const filters = Object.entries(w.window).map(([k, v]) => `${k}=${v}`);
  return `walk ${w.op.method} ${w.op.path} ${JSON.stringify(w.values)} by limit=${w.limit}${filters.length > 0 ? ` with ${filters.join("&")}` : ""}`;
}

/** Every item of a page outside the window it was asked for; an item without the value is not judged. */
function outsideWindow(w: Walk, request: string, items: readonly unknown[]): Violation[] {
  const violations: Violation[] = [];
  items.forEach((item, index) => {
    for (const [name, bound] of Object.entries(w.window)) {
      const field = fieldOfFilter(w.op, name);
      if (!field) continue;
      const raw = (item as Record<string, unknown>)[field];
      const at = typeof raw === "string" ? ticksOf(raw) : undefined;
      const limit = ticksOf(bound)!;
      const after = /from$/i.test(name);
      // Whether an item exactly on the bound is in is not documented: both are accepted.
      if (at === undefined || (after ? at >= limit : at <= limit)) continue;
      violations.push({
        operationId: w.op.operationId,
        request,
        kind: "filter",
        rule: "filter-across-pages",
        pointer: `/results/${index}/${field}`,
        expected: `${after ? "at or after" : "at or before"} ${name}=${bound} on every page`,
        actual: JSON.stringify(raw),
      });
    }
  });
  return violations;
}

function walksOf(op: Operation, pool: Pool): fc.Arbitrary<Walk> | undefined {
  const known = knownValues(pool, op);
  if (known.length === 0) return undefined;
  const filters = queryParameters(op).filter((p) => (p.schema as { format?: string } | undefined)?.format === "date-time");
  const window = fc.tuple(...filters.map((p) => fc.option(dateTime(pool.times), { nil: undefined }).map((v) => [p.name, v] as const)));
  return fc
    .record({ values: fc.constantFrom(...known), limit: fc.integer({ min: 1, max: 6 }), window })
    .map(({ values, limit, window: pairs }) => {
      const w: Walk = { op, values, limit, window: Object.fromEntries(pairs.filter(([, v]) => v !== undefined)) as Record<string, string> };
      return Object.defineProperty(w, fc.toStringMethod, { value: () => describeWalk(w), enumerable: false });
    });
}

export const pagingProperty: PropertyBuilder = (ctx, pool, tally) => {
  const name = "paging";
  const title =
    "a walk by _links.next with any limit and window: each id once, none missing, it ends, every item inside the window on every page";
  if (!ctx.target.capabilities.stateful) return { name, title, skipped: statelessReason.paging };
  const walks = ctx.operations.filter((op) => op.method === "GET" && op.paged).flatMap((op) => walksOf(op, pool) ?? []);
  if (walks.length === 0) return { name, title, skipped: "no paged list has items to walk" };
  const property = fc.asyncProperty(fc.oneof(...walks), async (w) => {
    count(tally, "paging walk: each id once, none missing, it ends, inside the window");
    const reference = await readReference(ctx, w.op, w.window, w.values);
    const violations: Violation[] = [...outsideWindow(w, `${w.op.method} ${reference.basePath} (one large page)`, reference.items)];
    violations.push(
      ...(await walkPages(ctx, w.op, reference, {
        limit: w.limit,
        query: w.window,
        onPage: (request, page) => violations.push(...outsideWindow(w, request, page.results)),
      })),
    );
    failOn(violations);
  });
  return { name, title, check: runner(property) };
};
