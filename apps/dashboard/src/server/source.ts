// The dashboard's only way to the VBM365 server: a few fixed calls through @vbm365/client.
// No path or query from the browser is passed on; ids are validated before they get here.
import {
  createVbm365Client,
  type ApiVersion,
  type ApiVersionOption,
  type RestoreSession,
  type RestoreSessionEvent,
  type RestoreStatistics,
} from "@vbm365/client";
import { checkEvent, checkSession, checkStatistics } from "./answer-check.js";
import type { TargetSettings } from "./config.js";

export interface SessionSource {
  /** Every session that started inside [from, to], all pages read; `signal` stops the walk. */
  listWindow(from: Date, to: Date, signal: AbortSignal): Promise<RestoreSession[]>;
  get(id: string, signal?: AbortSignal): Promise<RestoreSession>;
  /** The session's events, at most `max`; `truncated` says whether more exist. */
  events(id: string, max: number, signal?: AbortSignal): Promise<{ events: RestoreSessionEvent[]; truncated: boolean }>;
  stop(id: string): Promise<void>;
  /** VBM365_API_VERSION as set: "auto" or a pinned version. */
  readonly apiSetting: ApiVersionOption;
  /** The version spoken with the server: the pinned one, or with "auto" the newest it serves (asked once). */
  apiVersion(): Promise<ApiVersion>;
  /** The version spoken with the server that holds this session, when that differs per session (a fleet). */
  versionOf?(id: string): Promise<ApiVersion>;
  /** The session's statistics; only called once `apiVersion()` said v8. */
  statistics(id: string, signal?: AbortSignal): Promise<RestoreStatistics>;
}

/** What one window may hold in memory; more is refused (with a narrower window to try), never cut. */
export interface WindowCaps {
  sessions: number;
  /** Sessions as JSON text, a close measure of what they take in memory. */
  bytes: number;
}

export const defaultWindowCaps: WindowCaps = { sessions: 50_000, bytes: 48 * 1024 * 1024 };
const pageSize = 1000;

export class WindowTooLarge extends Error {
  override name = "WindowTooLarge";
  constructor(
    message: string,
    /** The oldest start seen before the cap: a window from there holds less. */
    readonly oldestSeen: Date | undefined,
  ) {
    super(message);
  }
}

export function createSessionSource(target: TargetSettings, caps: WindowCaps = defaultWindowCaps): SessionSource {
  const apiSetting = target.apiVersion ?? "auto";
  const client = createVbm365Client({ baseUrl: target.url, auth: target.auth, ca: target.ca, apiVersion: apiSetting });
  const { restoreSessions } = client;

  return {
    async listWindow(from, to, signal) {
      const window = capped(caps);
      for await (const session of restoreSessions.iterate({ startTimeFrom: from, startTimeTo: to, pageSize, signal })) {
        window.add(checkSession(session));
      }
      return window.sessions;
    },

    get: async (id, signal) => checkSession(await restoreSessions.get(id, { signal })),

    async events(id, max, signal) {
      const events: RestoreSessionEvent[] = [];
      for await (const event of restoreSessions.events(id, { pageSize: Math.min(pageSize, max + 1), signal })) {
        // One more than shown tells whether there are more, without reading them all.
        if (events.length === max) return { events, truncated: true };
        events.push(checkEvent(event));
      }
      return { events, truncated: false };
    },

    stop: (id) => restoreSessions.stop(id),

    apiSetting,
    apiVersion: () => client.apiVersion(),

    async statistics(id, signal) {
      // The client offers statistics() on v8 and auto clients (typed); it still refuses, before any request, on an older server.
      if (!("statistics" in restoreSessions)) throw new Error(`Statistics need REST API v8; VBM365_API_VERSION is ${apiSetting}.`);
      return checkStatistics(await restoreSessions.statistics(id, { signal }));
    },
  };
}

/** Collects a window's sessions and throws WindowTooLarge at the first one over a cap. */
export function capped(caps: WindowCaps) {
  const sessions: RestoreSession[] = [];
  let bytes = 0;
  let oldest = Number.POSITIVE_INFINITY;
  return {
    sessions,
    add(session: RestoreSession): void {
      bytes += JSON.stringify(session).length;
      if (sessions.length === caps.sessions || bytes > caps.bytes) {
        const limit =
          sessions.length === caps.sessions ? `${caps.sessions.toLocaleString("en-US")} sessions` : `${sizeOf(caps.bytes)} of sessions`;
        const message = `This window holds more than ${limit}, the most the dashboard keeps for one window; choose a narrower one.`;
        throw new WindowTooLarge(message, Number.isFinite(oldest) ? new Date(oldest) : undefined);
      }
      sessions.push(session);
      oldest = Math.min(oldest, Date.parse(session.creationTime));
    },
  };
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}
