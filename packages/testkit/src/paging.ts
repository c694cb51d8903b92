// A page envelope as the vendor writes it: offset, limit, results, setId and relative
// first/prev/next/self links. Assembled as text so cached item JSON is reused as it is.
// The paging defects (wrongType, repeatId, endlessNext, nextDropsFilter) bend it here.
import type { ApiContext } from "./context.js";
import { jsonText, type Reply } from "./reply.js";

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

export interface PageInput {
  /** The path the links point to, e.g. `/v6/RestoreSessions`. */
  base: string;
  /** `&name=value` of the filters the links carry on. */
  filters: string;
  offset: number;
  limit: number;
  total: number;
  /** The JSON text of the item at this index. */
  item: (index: number) => string;
}

function pageLinks(ctx: ApiContext, input: PageInput): Record<string, { href: string }> {
  const { base, filters, offset, limit, total } = input;
  const href = (at: number, carried = filters) => ({ href: `${base}?offset=${at}&limit=${limit}${carried}` });
  const links: Record<string, { href: string }> = {};
  if (total > limit || offset > 0) {
    links.first = href(0);
    if (offset > 0) links.prev = href(Math.max(0, offset - limit));
  }
  if (offset + limit < total || ctx.defects.has("endlessNext")) {
    links.next = href(offset + limit, ctx.defects.has("nextDropsFilter") ? "" : filters);
  }
  links.self = href(offset);
  return links;
}

export function page(ctx: ApiContext, input: PageInput): Reply {
  const { offset, limit, total } = input;
  const results: string[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) results.push(input.item(i));
  if (ctx.defects.has("repeatId") && offset > 0 && results.length > 0 && offset - 1 < total) {
    results[0] = input.item(offset - 1);
  }
  const limitValue = ctx.defects.has("wrongType") ? String(limit) : limit;
  return jsonText(
    `{"offset":${offset},"limit":${JSON.stringify(limitValue)},"results":[${results.join(",")}],` +
      `"setId":"${NIL_UUID}","_links":${JSON.stringify(pageLinks(ctx, input))}}`,
  );
}
