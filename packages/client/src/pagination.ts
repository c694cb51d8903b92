// Walks every page of a list: follows `_links.next`, falls back to `offset += limit` while
// pages come back full, and never stops early. The next page is requested while the caller
// works on the current one, so at most two pages are held at any time. A walk ends with a
// Vbm365WalkError when the server would make it endless or wrong, or at its bound.
import { Vbm365WalkError } from "./errors.js";
import { PAGE_SIZE } from "./generated/limits.js";
import { onAbort } from "./signals.js";
import type { WalkOptions } from "./types.js";
import { checkLimit, checkPositive } from "./validate.js";

/** Items per request of a walk when the caller gives none (the server's own default is 30). */
export const DEFAULT_WALK_PAGE_SIZE = 100;
/** Pages a walk reads at most unless told otherwise: 10,000,000 sessions at the default page size. */
export const DEFAULT_MAX_PAGES = 100_000;

export type PageQuery = { offset: number; limit: number };

type Page<T> = {
  offset: number;
  limit: number;
  results: T[];
  _links?: { [rel: string]: { href: string } | undefined };
};

export type FetchPage<T> = (query: PageQuery, signal: AbortSignal) => Promise<Page<T>>;

type Bounds = { pageSize: number; maxPages: number; maxDurationMs: number };

/** The walk as an AsyncIterable; the options are checked at once, before any request. */
export function pages<T extends { id: string }>(fetchPage: FetchPage<T>, options: WalkOptions): AsyncIterable<T> {
  // Only a missing option takes the default: `null` from a JavaScript caller is refused.
  const bounds: Bounds = {
    pageSize: checkLimit("pageSize", options.pageSize === undefined ? DEFAULT_WALK_PAGE_SIZE : options.pageSize),
    maxPages: checkPositive("maxPages", options.maxPages === undefined ? DEFAULT_MAX_PAGES : options.maxPages),
    maxDurationMs: checkPositive("maxDurationMs", options.maxDurationMs === undefined ? Infinity : options.maxDurationMs),
  };
  return { [Symbol.asyncIterator]: () => walkPages(fetchPage, bounds, options.signal) };
}

async function* walkPages<T extends { id: string }>(
  fetchPage: FetchPage<T>,
  bounds: Bounds,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  // Aborted when the caller leaves the loop, so the page in flight stops too.
  const done = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, done.signal]) : done.signal;
  const seen = recentIds(bounds.pageSize);
  const started = Date.now();
  const request = (next: PageQuery) => linked(requestSignal, (pageSignal) => fetchPage(next, pageSignal));
  let query: PageQuery | undefined = { offset: 0, limit: bounds.pageSize };
  let pending: Promise<Page<T>> | undefined = request(query);
  let pagesRead = 0;
  try {
    while (pending && query) {
      const page = checkPage(await pending, query, pagesRead);
      pagesRead += 1;
      seen.widen(page.limit);
      const fresh = page.results.filter((item) => seen.firstTime(item.id));
      if (fresh.length === 0 && isFull(page, query)) throw repeated(query, pagesRead);

      // The page after this one is asked for before this one is handed out, unless a bound stops the walk here.
      query = nextQuery(page, query);
      const stop = query ? boundHit(bounds, pagesRead, Date.now() - started) : undefined;
      pending = query && !stop ? request(query) : undefined;
      yield* fresh;
      if (stop) throw stop;
    }
  } finally {
    done.abort();
  }
}

/** The page as it must be to walk on: an object with a results array, at the offset asked for. */
function checkPage<T>(page: Page<T>, query: PageQuery, pagesRead: number): Page<T> {
  if (typeof page !== "object" || page === null || !Array.isArray(page.results)) {
    throw new Vbm365WalkError("shape", pagesRead, `the page at offset ${query.offset} has no results array`);
  }
  if ((page.offset ?? query.offset) !== query.offset) {
    // A server (or mock) that ignores the offset would make the walk endless or wrong.
    throw new Vbm365WalkError(
      "offset",
      pagesRead,
      `the server answered offset ${page.offset} for offset ${query.offset}: it does not page`,
    );
  }
  return page;
}

/** As many items as asked for (or as the server's own limit, when it capped the page). */
function isFull(page: Page<unknown>, query: PageQuery): boolean {
  const count = page.results.length;
  return count > 0 && count >= Math.min(page.limit > 0 ? page.limit : Infinity, query.limit);
}

function repeated(query: PageQuery, pagesRead: number): Vbm365WalkError {
  return new Vbm365WalkError(
    "repeated",
    pagesRead,
    `the full page at offset ${query.offset} brought no new id: the server repeats itself, the walk would never end`,
  );
}

function boundHit(bounds: Bounds, pagesRead: number, elapsedMs: number): Vbm365WalkError | undefined {
  if (pagesRead >= bounds.maxPages) {
    return new Vbm365WalkError(
      "maxPages",
      pagesRead,
      `maxPages (${bounds.maxPages}) reached before the last page: raise it, or narrow the window`,
    );
  }
  if (elapsedMs > bounds.maxDurationMs) {
    return new Vbm365WalkError(
      "maxDuration",
      pagesRead,
      `maxDurationMs (${bounds.maxDurationMs} ms) passed before the last page: raise it, or narrow the window`,
    );
  }
  return undefined;
}

/**
 * The page after `page`, or undefined after the last one. `_links.next` is read for its
 * offset and limit (relative or absolute); the request itself always goes to the client's
 * own base URL with the caller's filters, so a link naming another host never receives the token.
 */
export function nextQuery(page: Page<unknown>, query: PageQuery): PageQuery | undefined {
  const count = page.results.length;
  if (count === 0) return undefined;
  const byCount = { offset: query.offset + count, limit: query.limit };
  const href = page._links?.next?.href;
  if (href) {
    const link = linkQuery(href);
    // Only forward: a link back to this page (a server bug) must not loop forever.
    if (link && link.offset > query.offset) return { offset: link.offset, limit: link.limit ?? query.limit };
    return byCount;
  }
  // No link: a full page means there may be more.
  return isFull(page, query) ? byCount : undefined;
}

function linkQuery(href: string): { offset: number; limit?: number } | undefined {
  let params: URLSearchParams;
  try {
    // The server treats query names case-insensitively, and so do we.
    params = new URL(href.toLowerCase(), "http://link.invalid").searchParams;
  } catch {
    return undefined;
  }
  const wholeNumber = (name: string) => {
    const value = params.get(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const offset = wholeNumber("offset");
  if (offset === undefined) return undefined;
  // A limit of 0 or none: the caller's page size stays.
  const limit = wholeNumber("limit");
  return { offset, limit: limit ? limit : undefined };
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
      const slot = n % limit;
      n += 1;
      const oldest = ring[slot];
      if (oldest !== undefined) ids.delete(oldest); // nothing while the first round fills the ring
      ring[slot] = id;
      return true;
    },
    /** A server that returns bigger pages than asked shifts by as much. */
    widen(pageLimit: number) {
      if (pageLimit > limit) {
        ring.push(...ring.splice(0, n % limit));
        n = ring.length;
        limit = Math.min(pageLimit, PAGE_SIZE.max);
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
