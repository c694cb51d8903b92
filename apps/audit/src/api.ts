// The client, reduced to what this tool uses.
import { createVbm365Client, type RestoreSession, type RestoreSessionEvent } from "@vbm365/client";
import { resolveConnection } from "./connection.js";
import type { CliContext } from "./context.js";
import { checkedEvent, checkedItems, checkedSession } from "./shape.js";

export interface AuditApi {
  sessions(query: { startTimeFrom?: string; startTimeTo?: string; pageSize?: number }): AsyncIterable<RestoreSession>;
  events(sessionId: string): AsyncIterable<RestoreSessionEvent>;
  get(sessionId: string): Promise<RestoreSession>;
  stop(sessionId: string): Promise<void>;
}

/** `mock`: whether a missing VBM365_URL may fall back to the local mock (never for `check`). */
export async function connect(ctx: CliContext, urlFlag: string | undefined, use = { mock: true }): Promise<AuditApi> {
  const settings = await resolveConnection(urlFlag, ctx, use);
  ctx.secrets.push(...settings.secrets);
  ctx.server = settings.baseUrl;
  const client = createVbm365Client({
    baseUrl: settings.baseUrl,
    auth: settings.auth,
    ...(settings.ca ? { ca: settings.ca } : {}),
  });
  const sessions = client.restoreSessions;
  return {
    sessions: (query) => checkedItems(sessions.iterate(query), checkedSession, "restore session list"),
    // A session has few events: one big page is usually one request per session.
    events: (id) => checkedItems(sessions.events(id, { pageSize: 1000 }), checkedEvent, "restore session event list"),
    get: async (id) => checkedSession(await sessions.get(id)),
    stop: async (id) => {
      await sessions.stop(id);
    },
  };
}
