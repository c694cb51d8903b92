// The paging walk of a paged collection, on targets that keep state: a walk with a small
// limit yields every id once, echoes offset/limit, ends without `_links.next`, and never
// runs forever. Each job of the walk is its own step: plan, read a page, check the page,
// choose the next page, and compare the ids seen with the reference.
import type { ContractContext } from "../context.js";
import type { Operation } from "../spec.js";
import { validateResponse } from "../validate.js";
import type { Violation } from "../violations.js";
import { whenCallable } from "./operation.js";
import { readReference, type Item, type Page, type Reference } from "./paging-reference.js";
import { pass, skip, statelessReason, type Check } from "./types.js";

/** Pages past the expected count a walk may take (one trailing empty page is tolerated). */
const slackPages = 1;
const defaultMaxPages = 50;

interface Request {
  path: string;
  query: Record<string, string>;
}

/** What the walk knows between pages. */
interface Walk {
  op: Operation;
  reference: Reference;
  limit: number;
  maxPages: number;
  /** Id -> the page it was first seen on. */
  seen: Map<string, number>;
  /** Lower-cased hrefs already followed, to catch a next link that loops back. */
  visited: Set<string>;
  violations: Violation[];
}

/** About five pages whatever the size, so small sets still page and big ones stay cheap. */
function fivePages(reference: Reference): number {
  return reference.complete ? Math.max(1, Math.ceil(reference.items.length / 5)) : 100;
}

function planWalk(ctx: ContractContext, op: Operation, reference: Reference, limit: number): Walk {
  const total = reference.items.length;
  const maxPages = reference.complete ? Math.ceil(total / limit) + slackPages : (ctx.target.maxPages ?? defaultMaxPages);
  return { op, reference, limit, maxPages, seen: new Map(), visited: new Set(), violations: [...reference.violations] };
}

function paging(walk: Walk, request: string) {
  return (rule: string, pointer: string, expected: string, actual: string) =>
    walk.violations.push({ operationId: walk.op.operationId, request, kind: "paging", rule, pointer, expected, actual });
}

/** Reads one page and validates it; undefined when there is no page to go on with. */
async function readPage(ctx: ContractContext, walk: Walk, next: Request): Promise<{ request: string; page: Page } | undefined> {
  const { request, res } = await ctx.call(walk.op, next);
  const checked = validateResponse(walk.op, request, res, { statuses: [200] });
  walk.violations.push(...checked.violations);
  const page = checked.body as Page | undefined;
  if (res.status !== 200 || !page || !Array.isArray(page.results)) return undefined;
  return { request, page };
}

/** The page echoes the offset and limit asked for, and brings no id seen before. */
function checkPage(walk: Walk, request: string, page: Page, asked: Request, pageNo: number): void {
  const v = paging(walk, request);
  for (const name of ["offset", "limit"] as const) {
    const value = asked.query[name];
    if (value !== undefined && page[name] !== Number(value))
      v(`${name}-echo`, `/${name}`, `${value} (as requested)`, JSON.stringify(page[name]));
  }
  (page.results as Item[]).forEach((item, index) => {
    const id = String(item.id);
    const first = walk.seen.get(id);
    if (first !== undefined)
      v("duplicate-id", `/results/${index}/id`, "each id once in the whole walk", `${id} again (first seen on page ${first})`);
    else walk.seen.set(id, pageNo);
  });
}

/** Follows `_links.next`, unless it should not be there, loops back or the walk is too long. */
function nextRequest(walk: Walk, request: string, page: Page, pageNo: number): Request | undefined {
  const href = page._links?.next?.href;
  if (!href) return undefined;
  const v = paging(walk, request);
  const { reference, maxPages, limit } = walk;
  const total = reference.items.length;
  if (reference.complete && Number(page.offset) + page.results.length >= total) {
    v("next-on-last-page", "/_links/next", `absent: this page ends the ${total} items`, JSON.stringify(href));
  }
  if (page.results.length === 0) {
    v("endless-next", "/_links/next", "no next link on a page without items", JSON.stringify(href));
    return undefined;
  }
  if (walk.visited.has(href.toLowerCase())) {
    v("endless-next", "/_links/next", "a link to a page not visited yet", `${JSON.stringify(href)}, visited before`);
    return undefined;
  }
  if (pageNo >= maxPages) {
    const why = reference.complete ? `${total} items in pages of ${limit}` : "VBM365_CONTRACT_MAX_PAGES";
    v(
      "endless-next",
      "/_links/next",
      `the walk to end within ${maxPages} pages (${why})`,
      `still a next link after page ${pageNo}: ${JSON.stringify(href)}`,
    );
    return undefined;
  }
  walk.visited.add(href.toLowerCase());
  const url = new URL(href, "http://relative.invalid");
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

/** Every id of a complete reference turned up somewhere in the walk. */
function checkNoneMissing(walk: Walk): void {
  const { reference, op } = walk;
  if (!reference.complete) return;
  const missing = reference.items.map((i) => String(i.id)).filter((id) => !walk.seen.has(id));
  if (missing.length === 0) return;
  walk.violations.push({
    operationId: op.operationId,
    request: `${op.method} ${reference.basePath} (walk)`,
    kind: "paging",
    rule: "missing-id",
    pointer: "/results",
    expected: `all ${reference.items.length} ids of the single large page`,
    actual: `${missing.length} never seen, such as ${missing[0]}`,
  });
}

export interface WalkOptions {
  limit: number;
  /** Query values every page keeps (filters), besides offset and limit. */
  query?: Record<string, string>;
  /** Sees every page read, to check more than the walk does (the fuzzer's filters). */
  onPage?: (request: string, page: Page) => void;
}

/** Walks the pages of `op` from offset 0 by `_links.next`, checking them against `reference`. */
export async function walkPages(ctx: ContractContext, op: Operation, reference: Reference, options: WalkOptions): Promise<Violation[]> {
  const walk = planWalk(ctx, op, reference, options.limit);
  let next: Request | undefined = { path: reference.basePath, query: { ...options.query, offset: "0", limit: String(options.limit) } };
  for (let pageNo = 1; next; pageNo++) {
    const read = await readPage(ctx, walk, next);
    if (!read) break;
    checkPage(walk, read.request, read.page, next, pageNo);
    options.onPage?.(read.request, read.page);
    next = nextRequest(walk, read.request, read.page, pageNo);
  }
  checkNoneMissing(walk);
  return walk.violations;
}

export function walkCheck(op: Operation): Check {
  return {
    id: `${op.operationId}/paging-walk`,
    title: `${op.operationId}: a walk with a small limit yields every id once, echoes offset/limit and ends`,
    group: "paging",
    operationId: op.operationId,
    run: (ctx) =>
      whenCallable(async () => {
        if (!ctx.target.capabilities.stateful) return skip(statelessReason.paging);
        const reference = await readReference(ctx, op);
        return pass(await walkPages(ctx, op, reference, { limit: fivePages(reference) }));
      }),
  };
}
