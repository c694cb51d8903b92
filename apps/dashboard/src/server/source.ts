// The dashboard's only way to the VBM365 server: a few fixed calls through @vbm365/client.
// No path or query from the browser is passed on; ids are validated before they get here.
import { createVbm365Client, type RestoreSession, type RestoreSessionEvent } from "@vbm365/client";
import type { TargetSettings } from "./config.js";

export interface SessionSource {
  /** Every session that started inside [from, to), all pages read. */
  listWindow(from: Date, to: Date): Promise<RestoreSession[]>;
  get(id: string): Promise<RestoreSession>;
  /** The session's events, at most `max`; `truncated` says whether more exist. */
  events(id: string, max: number): Promise<{ events: RestoreSessionEvent[]; truncated: boolean }>;
  stop(id: string): Promise<void>;
}

/** Refuses windows with more sessions than this rather than cutting them silently. */
export const maxSessionsPerWindow = 100_000;
const pageSize = 1000;

export class TooManySessions extends Error {
  override name = "TooManySessions";
}

export function createSessionSource(target: TargetSettings): SessionSource {
  const { restoreSessions } = createVbm365Client({ baseUrl: target.url, auth: target.auth, ca: target.ca });

  return {
    async listWindow(from, to) {
      const sessions: RestoreSession[] = [];
      for await (const session of restoreSessions.iterate({ startTimeFrom: from, startTimeTo: to, pageSize })) {
        if (sessions.length === maxSessionsPerWindow) {
          throw new TooManySessions(`More than ${maxSessionsPerWindow} sessions in this window; choose a shorter one.`);
        }
        sessions.push(session);
      }
      return sessions;
    },

    get: (id) => restoreSessions.get(id),

    async events(id, max) {
      const events: RestoreSessionEvent[] = [];
      for await (const event of restoreSessions.events(id, { pageSize: Math.min(pageSize, max + 1) })) {
        // One more than shown tells whether there are more, without reading them all.
        if (events.length === max) return { events, truncated: true };
        events.push(event);
      }
      return { events, truncated: false };
    },

    stop: (id) => restoreSessions.stop(id),
  };
}
