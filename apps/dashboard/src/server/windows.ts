// The windows read from VBM365, kept for a minute so that paging, sorting and filtering a
// view cost no further calls (the page's Refresh asks for fresh data). Three rules keep a
// busy or hostile browser from turning the dashboard into a load on VBM365:
// - bounds are rounded outwards, so windows asked a few seconds apart share one load;
// - a load nobody waits for any more (every request for it closed) is aborted;
// - at most `maxLoads` windows load at once; one more is answered 429 with Retry-After.
import type { RestoreSession } from "@vbm365/client";
import { HttpError } from "./http-error.js";

export interface LoadedWindow {
  sessions: RestoreSession[];
  /** The bounds actually read (the asked window, rounded outwards). */
  from: Date;
  to: Date;
  fetchedAt: Date;
}

export type LoadWindow = (from: Date, to: Date, signal: AbortSignal) => Promise<RestoreSession[]>;

export interface WindowStoreOptions {
  ttlMs?: number;
  /** Windows kept after loading (each holds at most the source's per-window cap). */
  maxWindows?: number;
  /** Windows loading at the same time. */
  maxLoads?: number;
}

export const windowStoreDefaults = { ttlMs: 60_000, maxWindows: 8, maxLoads: 4, retryAfterSeconds: 5 } as const;

interface Entry {
  at: number;
  value: Promise<LoadedWindow>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/** Rounds a window outwards to a step that grows with its length. */
export function roundWindow(from: Date, to: Date): { from: Date; to: Date } {
  const span = to.getTime() - from.getTime();
  const step = span <= 2 * day ? minute : span <= 14 * day ? 5 * minute : 15 * minute;
  return {
    from: new Date(Math.floor(from.getTime() / step) * step),
    to: new Date(Math.ceil(to.getTime() / step) * step),
  };
}

export function createWindowStore(load: LoadWindow, options: WindowStoreOptions = {}) {
  const { ttlMs, maxWindows, maxLoads, retryAfterSeconds } = { ...windowStoreDefaults, ...options };
  const entries = new Map<string, Entry>();

  /** The window holding [from, to]; `waiter` aborts when the request asking for it goes away. */
  function get(from: Date, to: Date, waiter: AbortSignal): Promise<LoadedWindow> {
    const bounds = roundWindow(from, to);
    const key = `${bounds.from.toISOString()}|${bounds.to.toISOString()}`;
    const hit = entries.get(key);
    if (hit && (!hit.settled || Date.now() - hit.at < ttlMs)) return join(key, hit, waiter);
    if (loading() >= maxLoads) {
      throw new HttpError(429, `The dashboard is already reading ${maxLoads} windows from VBM365; try again in a few seconds.`, {
        "Retry-After": String(retryAfterSeconds),
      });
    }
    const entry = start(bounds);
    entries.set(key, entry);
    evict();
    return join(key, entry, waiter);
  }

  function start(bounds: { from: Date; to: Date }): Entry {
    const controller = new AbortController();
    const entry: Entry = { at: Date.now(), controller, waiters: 0, settled: false, value: undefined! };
    entry.value = load(bounds.from, bounds.to, controller.signal).then((sessions) => ({ sessions, ...bounds, fetchedAt: new Date() }));
    entry.value.then(
      () => (entry.settled = true),
      () => {
        entry.settled = true;
        forget(entry);
      },
    );
    return entry;
  }

  function join(key: string, entry: Entry, waiter: AbortSignal): Promise<LoadedWindow> {
    entry.waiters++;
    const leave = () => {
      entry.waiters--;
      if (entry.waiters > 0 || entry.settled) return;
      entry.controller.abort(new Error("Nobody waits for this window any more."));
      if (entries.get(key) === entry) entries.delete(key);
    };
    if (waiter.aborted) leave();
    else {
      waiter.addEventListener("abort", leave, { once: true });
      entry.value.then(
        () => waiter.removeEventListener("abort", leave),
        () => waiter.removeEventListener("abort", leave),
      );
    }
    return entry.value;
  }

  function loading(): number {
    let count = 0;
    for (const entry of entries.values()) if (!entry.settled) count++;
    return count;
  }

  // Loaded windows beyond `maxWindows` go, oldest first; loads in flight are bounded by maxLoads.
  function evict(): void {
    for (const [key, entry] of entries) {
      if (entries.size <= maxWindows) return;
      if (entry.settled) entries.delete(key);
    }
  }

  function forget(entry: Entry): void {
    for (const [key, value] of entries) if (value === entry) entries.delete(key);
  }

  /**
   * Forgets every window, after a write changed what the server holds. Loads in flight go on
   * for the requests waiting on them but no longer count against `maxLoads` (a short overshoot
   * that only a Stop, a same-origin write, can cause).
   */
  function clear(): void {
    entries.clear();
  }

  return { get, clear, loading };
}

export type WindowStore = ReturnType<typeof createWindowStore>;
