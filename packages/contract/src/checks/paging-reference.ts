// The reference a paging or filter check compares with: one page as large as the spec
// allows, so on a target with fewer items than that it is the whole set.
import type { components } from "@vbm365/client";
import type { ContractContext } from "../context.js";
import { fillPath, queryParameters, type Operation } from "../spec.js";
import { validateResponse } from "../validate.js";
import type { Violation } from "../violations.js";

export type Page = components["schemas"]["RestoreSessionPage"] | components["schemas"]["RestoreSessionEventPage"];
export type Item = Record<string, unknown> & { id?: unknown };

export function maxLimit(op: Operation): number {
  const limit = queryParameters(op).find((p) => p.name === "limit");
  const maximum = (limit?.schema as { maximum?: number } | undefined)?.maximum;
  return typeof maximum === "number" ? maximum : 1000;
}

export interface Reference {
  items: Item[];
  /** Every item is in the reference page (fewer came back than the limit allowed). */
  complete: boolean;
  violations: Violation[];
  basePath: string;
}

/** One page as large as the spec allows: the set a walk must reproduce. */
export async function readReference(
  ctx: ContractContext,
  op: Operation,
  query: Record<string, string> = {},
  values?: Record<string, string>,
): Promise<Reference> {
  const basePath = fillPath(op.path, values ?? (await ctx.pathValues(op)));
  const limit = maxLimit(op);
  const { request, res } = await ctx.call(op, { path: basePath, query: { ...query, limit: String(limit) } });
  const { violations, body } = validateResponse(op, request, res, { statuses: [200] });
  const page = body as Page | undefined;
  const items = (Array.isArray(page?.results) ? page.results : []) as Item[];
  const complete = items.length < limit;
  if (complete && page?._links?.next) {
    violations.push({
      operationId: op.operationId,
      request,
      kind: "paging",
      rule: "next-on-last-page",
      pointer: "/_links/next",
      expected: "absent: the page holds fewer items than the limit",
      actual: JSON.stringify(page._links.next.href),
    });
  }
  return { items, complete, violations, basePath };
}
