// An injected `fetch` that records each request and answers from a handler: no global mocks.
import type { RestoreSession, RestoreSessionEvent } from "../../src/index.js";

export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export function fakeFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetch = async (input: Request) => {
    requests.push(input.clone());
    return handler(input, new URL(input.url));
  };
  return { requests, fetch: fetch as unknown as typeof globalThis.fetch };
}

// Requests still waiting for an answer. A real fetch holds its request while the socket is
// open; a fake one must too, or garbage collection takes the unanswered request (and with
// it the link from its signal) and the test hangs instead of timing out.
const open = new Set<Request>();

/** Never answers: rejects only when the request's signal aborts, the way a real fetch gives up. */
export function hang(request: Request): Promise<Response> {
  open.add(request);
  return new Promise<Response>((_, reject) => {
    request.signal.addEventListener(
      "abort",
      () => {
        open.delete(request);
        reject(request.signal.reason);
      },
      { once: true },
    );
  });
}

export const BASE = "https://vbm.example:4443";
export const SESSION_ID = "b7f43a7f-3508-4d04-8ec2-ece6944e916b";
export const EVENT_ID = "5a4b4c54-0a7e-4a4b-9c39-1c1e5f0d9a11";

/** A distinct uuid for item `n`. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

export function session(n: number, overrides: Partial<RestoreSession> = {}): RestoreSession {
  return {
    id: uuid(n),
    type: "Vex",
    creationTime: new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString(),
    state: "Stopped",
    result: "Success",
    ...overrides,
  };
}

export function event(n: number): RestoreSessionEvent {
  return { id: uuid(n), status: "Success", message: `event ${n}`, startTime: "2024-01-01T00:00:00+03:00", order: n };
}

export type PageOptions = {
  /** How `_links.next` is written: relative (like v6), absolute, or left out. */
  links?: "relative" | "absolute" | "none";
  /** Called before each page is cut, to change the data between requests. */
  beforePage?: (offset: number) => void;
};

/** Serves `items()` in pages by `offset`/`limit`, as the real server does. */
export function pagedAnswer<T>(items: () => T[], url: URL, path: string, options: PageOptions = {}): Response {
  const offset = Number(url.searchParams.get("offset") ?? 0);
  const limit = Number(url.searchParams.get("limit") ?? 30);
  options.beforePage?.(offset);
  const all = items();
  const results = all.slice(offset, offset + limit);
  const more = offset + limit < all.length;
  const links = options.links ?? "relative";
  const href = `${path}?offset=${offset + limit}&limit=${limit}`;
  const page: Record<string, unknown> = { offset, limit, results, setId: "00000000-0000-0000-0000-000000000000" };
  if (more && links !== "none") page._links = { next: { href: links === "absolute" ? `https://elsewhere.example${href}` : href } };
  return Response.json(page);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
