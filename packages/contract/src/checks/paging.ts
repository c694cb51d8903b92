// The paging contract of a paged collection, on targets that keep state: a walk with a
// small limit yields every id once, echoes offset/limit, ends without `_links.next`, and
// never runs forever; the start-time filters return exactly the items they should.
import type { components } from "@vbm365/client";
import type { ContractContext } from "../context.js";
import { fillPath, queryParameters, type JsonSchema, type Operation } from "../spec.js";
import { validateResponse } from "../validate.js";
import type { Violation } from "../violations.js";
import { whenCallable } from "./operation.js";
import { pass, skip, statelessReason, type Check } from "./types.js";

type Page = components["schemas"]["RestoreSessionPage"] | components["schemas"]["RestoreSessionEventPage"];
type Item = Record<string, unknown> & { id?: unknown };

/** Pages past the expected count a walk may take (one trailing empty page is tolerated). */
const slackPages = 1;
const defaultMaxPages = 50;

function maxLimit(op: Operation): number {
  const limit = queryParameters(op).find((p) => p.name === "limit");
  const maximum = (limit?.schema as { maximum?: number } | undefined)?.maximum;
  return typeof maximum === "number" ? maximum : 1000;
}

interface Reference {
  items: Item[];
  /** Every item is in the reference page (fewer came back than the limit allowed). */
  complete: boolean;
  violations: Violation[];
  basePath: string;
}

/** One page as large as the spec allows: the set a walk must reproduce. */
async function readReference(ctx: ContractContext, op: Operation, query: Record<string, string> = {}): Promise<Reference> {
  const basePath = fillPath(op.path, await ctx.pathValues(op));
  const limit = maxLimit(op);
  const { request, res } = await ctx.call(op, { path: basePath, query: { ...query, limit: String(limit) } });
  const { violations, body } = validateResponse(op, request, res, { statuses: [200] });
  const page = body as Page | undefined;
  const items = (Array.isArray(page?.results) ? page.results : []) as Item[];
  const complete = items.length < limit;
  if (complete && page?._links?.next) {
    violations.push({ operationId: op.operationId, request, kind: "paging", rule: "next-on-last-page", pointer: "/_links/next", expected: "absent: the page holds fewer items than the limit", actual: JSON.stringify(page._links.next.href) });
  }
  return { items, complete, violations, basePath };
}

function walkCheck(op: Operation): Check {
  return {
    id: `${op.operationId}/paging-walk`,
    title: `${op.operationId}: a walk with a small limit yields every id once, echoes offset/limit and ends`,
    group: "paging",
    operationId: op.operationId,
    run: (ctx) =>
      whenCallable(async () => {
        if (!ctx.target.capabilities.stateful) return skip(statelessReason.paging);
        const reference = await readReference(ctx, op);
        const violations = [...reference.violations];
        const total = reference.items.length;
        // About five pages whatever the size, so small sets still page and big ones stay cheap.
        const limit = reference.complete ? Math.max(1, Math.ceil(total / 5)) : 100;
        const maxPages = reference.complete ? Math.ceil(total / limit) + slackPages : (ctx.target.maxPages ?? defaultMaxPages);
        const seen = new Map<string, number>();
        const visited = new Set<string>();
        let next: { path: string; query: Record<string, string> } | undefined = { path: reference.basePath, query: { offset: "0", limit: String(limit) } };
        for (let pageNo = 1; next; pageNo++) {
          const { request, res } = await ctx.call(op, next);
          const checked = validateResponse(op, request, res, { statuses: [200] });
          violations.push(...checked.violations);
          const page = checked.body as Page | undefined;
          if (res.status !== 200 || !page || !Array.isArray(page.results)) break;
          const v = (rule: string, pointer: string, expected: string, actual: string) =>
            violations.push({ operationId: op.operationId, request, kind: "paging", rule, pointer, expected, actual });

          for (const name of ["offset", "limit"] as const) {
            const asked = next.query[name];
            if (asked !== undefined && page[name] !== Number(asked)) v(`${name}-echo`, `/${name}`, `${asked} (as requested)`, JSON.stringify(page[name]));
          }
          (page.results as Item[]).forEach((item, index) => {
            const id = String(item.id);
            const first = seen.get(id);
            if (first !== undefined) v("duplicate-id", `/results/${index}/id`, "each id once in the whole walk", `${id} again (first seen on page ${first})`);
            else seen.set(id, pageNo);
          });
          const href = page._links?.next?.href;
          if (!href) break;
          const offset = Number(page.offset);
          if (reference.complete && offset + page.results.length >= total) {
            v("next-on-last-page", "/_links/next", `absent: this page ends the ${total} items`, JSON.stringify(href));
          }
          if (page.results.length === 0) {
            v("endless-next", "/_links/next", "no next link on a page without items", JSON.stringify(href));
            break;
          }
          if (visited.has(href.toLowerCase())) {
            v("endless-next", "/_links/next", "a link to a page not visited yet", `${JSON.stringify(href)}, visited before`);
            break;
          }
          if (pageNo >= maxPages) {
            const why = reference.complete ? `${total} items in pages of ${limit}` : "VBM365_CONTRACT_MAX_PAGES";
            v("endless-next", "/_links/next", `the walk to end within ${maxPages} pages (${why})`, `still a next link after page ${pageNo}: ${JSON.stringify(href)}`);
            break;
          }
          visited.add(href.toLowerCase());
          const url = new URL(href, "http://relative.invalid");
          next = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
        }
        if (reference.complete) {
          const missing = reference.items.map((i) => String(i.id)).filter((id) => !seen.has(id));
          if (missing.length > 0) {
            violations.push({ operationId: op.operationId, request: `${op.method} ${reference.basePath} (walk)`, kind: "paging", rule: "missing-id", pointer: "/results", expected: `all ${total} ids of the single large page`, actual: `${missing.length} never seen, such as ${missing[0]}` });
          }
        }
        return pass(violations);
      }),
  };
}

/** The date-time property every item must carry: what the start-time filters compare. */
function filteredField(op: Operation): string | undefined {
  const schema = op.responses["200"]?.content?.["application/json"]?.schema as
    | { properties?: { results?: { items?: JsonSchema & { required?: string[]; properties?: Record<string, { format?: string }> } } } }
    | undefined;
  const item = schema?.properties?.results?.items;
  return item?.required?.find((name) => item.properties?.[name]?.format === "date-time");
}

function filterCheck(op: Operation, param: string, bound: "from" | "to"): Check {
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

export function pagingChecks(op: Operation): Check[] {
  if (!op.paged || op.method !== "GET") return [];
  const checks = [walkCheck(op)];
  for (const param of queryParameters(op)) {
    if ((param.schema as { format?: string } | undefined)?.format !== "date-time") continue;
    if (/from$/i.test(param.name)) checks.push(filterCheck(op, param.name, "from"));
    else if (/to$/i.test(param.name)) checks.push(filterCheck(op, param.name, "to"));
  }
  return checks;
}
