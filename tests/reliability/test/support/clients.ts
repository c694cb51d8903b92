// Clients with small deadlines and retry delays, so every fault resolves in well under a
// second or two while still going through the real retry, timeout and auth layers.
import { createVbm365Client, type Vbm365ClientOptions } from "@vbm365/client";
import type { TestServer } from "@vbm365/testkit";

export const FAST = {
  timeoutMs: 400,
  retry: { retries: 2, minDelayMs: 5, maxDelayMs: 40 },
} as const;

export type ClientAuth = "token" | "credentials";

export function clientFor(
  server: TestServer,
  auth: ClientAuth = "token",
  overrides: Partial<Omit<Vbm365ClientOptions, "apiVersion">> = {},
) {
  return createVbm365Client({
    baseUrl: server.url,
    auth: auth === "token" ? { token: server.token } : { ...server.credentials },
    ...FAST,
    ...overrides,
  });
}

/** Every id of a walk, in order, so duplicates stay visible. */
export async function walkIds(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) ids.push(item.id);
  return ids;
}

/** Walks as far as it gets: the ids yielded before a failure, and the failure. */
export async function walkUntilFailure(iterable: AsyncIterable<{ id: string }>): Promise<{ ids: string[]; error?: unknown }> {
  const ids: string[] = [];
  try {
    for await (const item of iterable) ids.push(item.id);
    return { ids };
  } catch (error) {
    return { ids, error };
  }
}
