import type { TestServer } from "../src/index.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Parsed body; tests assert on its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** GET (or another method) with the server's start-up token unless told otherwise. */
export async function call(
  server: TestServer,
  path: string,
  init: { method?: string; token?: string | null; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? server.token : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(server.url + path, { method: init.method ?? "GET", headers, body: init.body });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Follows `_links.next` from `first` and returns every id in order, failing on a loop. */
export async function walk(server: TestServer, first: string, maxPages = 10_000): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = first;
  for (let pages = 0; next; pages++) {
    if (pages >= maxPages) throw new Error(`walk did not end after ${maxPages} pages`);
    const answer = await call(server, next);
    if (answer.status !== 200) throw new Error(`${next} answered ${answer.status}: ${answer.text}`);
    for (const item of answer.body.results) ids.push(item.id);
    next = answer.body._links?.next?.href;
  }
  return ids;
}

export function tokenForm(fields: Record<string, string>) {
  return {
    method: "POST",
    token: null,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  } as const;
}

export const NOW = "2026-01-15T12:00:00Z";
