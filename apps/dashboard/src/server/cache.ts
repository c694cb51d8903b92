// Keeps the last few windows read from VBM365, so that paging, sorting and filtering a view
// costs no further calls. The page asks for fresh data with the refresh button.
import type { RestoreSession } from "@vbm365/client";

export interface CachedWindow {
  sessions: RestoreSession[];
  fetchedAt: Date;
}

export function createWindowCache(load: (from: Date, to: Date) => Promise<RestoreSession[]>, ttlMs = 60_000, size = 8) {
  const entries = new Map<string, { at: number; value: Promise<CachedWindow> }>();

  function get(from: Date, to: Date): Promise<CachedWindow> {
    const key = `${from.toISOString()}|${to.toISOString()}`;
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    // Requests for the same window while one is loading share that load.
    const value = load(from, to).then((sessions) => ({ sessions, fetchedAt: new Date() }));
    entries.set(key, { at: Date.now(), value });
    value.catch(() => entries.delete(key));
    while (entries.size > size) entries.delete(entries.keys().next().value!);
    return value;
  }

  /** Forgets everything, after a write changed what the server holds. */
  function clear(): void {
    entries.clear();
  }

  return { get, clear };
}
