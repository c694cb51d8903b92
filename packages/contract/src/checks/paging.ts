// The paging contract of a paged collection: the walk (paging-walk.ts) and the start-time
// filters (filter.ts), for every paged GET of the spec, and the ordering where the version
// has it (order.ts).
import { queryParameters, type Operation } from "../spec.js";
import { filterCheck } from "./filter.js";
import { orderChecks } from "./order.js";
import { walkCheck } from "./paging-walk.js";
import type { Check } from "./types.js";

export function pagingChecks(op: Operation): Check[] {
  if (!op.paged || op.method !== "GET") return [];
  const checks = [walkCheck(op)];
  for (const param of queryParameters(op)) {
    if ((param.schema as { format?: string } | undefined)?.format !== "date-time") continue;
    if (/from$/i.test(param.name)) checks.push(filterCheck(op, param.name, "from"));
    else if (/to$/i.test(param.name)) checks.push(filterCheck(op, param.name, "to"));
  }
  return [...checks, ...orderChecks(op)];
}
