import { startTestServer, type TestServer } from "@vbm365/testkit";

export type { TestServer };

/** A testkit server with enough sessions for several pages at --page-size 200. */
export async function startServer(sessions = 1500): Promise<TestServer> {
  return startTestServer({ sessions, seed: 7 });
}

/** CLI environment that reaches `server` with its pre-issued token. */
export function tokenEnv(server: TestServer): Record<string, string> {
  return { VBM365_URL: server.url, VBM365_TOKEN: server.token };
}

/** Every session of the server, newest first, with its position for data.events(). */
export function sessionsOf(server: TestServer, filter?: { startTimeFrom?: Date; startTimeTo?: Date }) {
  return [...server.data.sessionIds(filter)].map((id) => {
    const index = server.data.indexOf(id);
    return { index, session: server.data.session(index) };
  });
}
