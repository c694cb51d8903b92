// Walks every page of a list: follows `_links.next`, falls back to `offset += limit` while
// pages come back full, and never stops early. The next page is requested while the caller
// works on the current one, so at most two pages are held at any time.
import { onAbort } from "./timeout.js";
import { MAX_LIMIT, checkLimit } from "./validate.js";

export type PageQuery = { offset: number; limit: number };

type Page<T> = {
  offset: number;
  limit: number;
  results: T[];
  _links?: { [rel: string]: { href: string } | undefined };
};

export type FetchPage<T> = (query: PageQuery, signal: AbortSignal) => Promise<Page<T>>;

/** The walk as an AsyncIterable; `pageSize` (items per request, default 100) is checked at once, before any request. */
export function pages<T extends { id: string }>(
  fetchPage: FetchPage<T>,
  { pageSize = 100, signal }: { pageSize?: number; signal?: AbortSignal | undefined },
): AsyncIterable<T> {
  checkLimit("pageSize", pageSize);
  return { [Symbol.asyncIterator]: () => walkPages(fetchPage, pageSize, signal) };
}

export async function* walkPages<T extends { id: string }>(
  fetchPage: FetchPage<T>,
  pageSize: number,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  // Aborted when the caller leaves the loop, so the page in flight stops too.
  const done = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, done.signal]) : done.signal;
  const seen = recentIds(pageSize);
  const request = (next: PageQuery) => linked(requestSignal, (pageSignal) => fetchPage(next, pageSignal));
  let query: PageQuery | undefined = { offset: 0, limit: pageSize };
  let pending: Promise<Page<T>> | undefined = request(query);
  try {
    while (pending && query) {
      const page: Page<T> = await pending;
      if ((page.offset ?? query.offset) !== query.offset) {
        // A server (or mock) that ignores the offset would make the walk endless or wrong.
        throw new Error(`Server answered offset ${page.offset} for offset ${query.offset}: it does not page`);
      }
      seen.widen(page.limit);
      query = nextQuery(page, query);
      pending = query ? request(query) : undefined;
      for (const item of page.results) {
        if (seen.firstTime(item.id)) yield item;
      }
    }
  } finally {
    done.abort();
  }
}

/**
 * The page after `page`, or undefined after the last one. `_links.next` is read for its
 * offset and limit (relative or absolute); the request itself always goes to the client's
 * own base URL with the caller's filters, so a link naming another host never receives the token.
 */
export function nextQuery(page: Page<unknown>, query: PageQuery): PageQuery | undefined {
  const count = page.results.length;
  if (count === 0) return undefined;
  const fallback = { offset: query.offset + count, limit: query.limit };
  const href = page._links?.next?.href;
  if (href) {
    const linked = linkQuery(href);
    // Only forward: a link back to this page (a server bug) must not loop forever.
    return linked && linked.offset > query.offset ? { offset: linked.offset, limit: linked.limit || query.limit } : fallback;
  }
  return count >= Math.min(page.limit > 0 ? page.limit : Infinity, query.limit) ? fallback : undefined;
}

function linkQuery(href: string): { offset: number; limit?: number } | undefined {
  let params: URLSearchParams;
  try {
    // The server treats query names case-insensitively, and so do we.
    params = new URL(href.toLowerCase(), "http://link.invalid").searchParams;
  } catch {
    return undefined;
  }
  const get = (name: string) => {
    const value = params.get(name);
    return value && /^\d+$/.test(value) ? +value : undefined;
  };
  const offset = get("offset");
  // A limit of 0 or none: the caller's page size stays.
  return offset === undefined ? undefined : { offset, limit: get("limit") };
}

/**
 * Ids of the last `capacity` items, exactly (no hashing, so two different ids are never
 * taken for one). New items arriving during a walk push older ones to later offsets, so
 * they show up again at the start of the next page: at most a page's worth back.
 */
export function recentIds(capacity: number) {
  const ids = new Set<string>();
  // A ring of the same ids, oldest at slot `n % limit`: evicting through the Set's own
  // iterator would skip every hole earlier deletions left (V8), O(page) per item.
  const ring: string[] = [];
  let n = 0;
  let limit = capacity;
  return {
    firstTime(id: string): boolean {
      if (ids.has(id)) return false;
      ids.add(id);
      const slot = n++ % limit;
      ids.delete(ring[slot]!); // the oldest id; nothing while the first round fills the ring
      ring[slot] = id;
      return true;
    },
    /** A server that returns bigger pages than asked shifts by as much. */
    widen(pageLimit: number) {
      if (pageLimit > limit) {
        ring.push(...ring.splice(0, n % limit));
        n = ring.length;
        limit = Math.min(pageLimit, MAX_LIMIT);
      }
    },
  };
}

// Each page gets its own signal, linked to the walk's only while the page is in flight:
// a request made with a signal stays registered on it until garbage collection, so one
// signal shared by thousands of pages would pile up listeners (and Node's leak warning).
function linked<R>(walk: AbortSignal, run: (signal: AbortSignal) => Promise<R>): Promise<R> {
  const page = new AbortController();
  const stopListening = onAbort(walk, () => page.abort(walk.reason));
  const answer = run(page.signal).finally(stopListening);
  // The prefetched page may fail while the caller is busy: keep that from being an
  // unhandled rejection; the error still surfaces when the walk reaches the page.
  answer.catch(() => undefined);
  return answer;
}
