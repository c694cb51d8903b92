// 200 concurrent walks over 10,000 sessions through ONE client with a username/password
// login: every walk yields exactly the server's list (in order, none lost, none twice),
// the token endpoint is asked once for all of them, and once more when every token
// expires in the middle of the load. The server runs in this process: on a separate
// thread its keep-alive timer closes sockets the starved client still means to reuse
// (see the README's note), which is a finding of its own, not what this test measures.
import { createVbm365Client } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";

const SESSIONS = 10_000;
const WALKS = 200;
const PAGE_SIZE = 1000;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ sessions: SESSIONS, seed: 3 });
});
afterAll(() => server.close());

it(`${WALKS} concurrent walks over ${SESSIONS} sessions share one login, and one renewal after the tokens expire mid-load`, {
  timeout: 240_000,
}, async () => {
  const expected = [...server.data.sessionIds()];
  // Default retries (3, with backoff); a long deadline, because on a busy shared machine
  // 400 requests in flight can each take longer than the default 30 s to read.
  const vbm = createVbm365Client({ baseUrl: server.url, auth: { ...server.credentials }, timeoutMs: 120_000 });
  let tokenRequestsAtExpiry: number | undefined;

  async function walk(index: number): Promise<{ count: number; firstWrong: number }> {
    let count = 0;
    let firstWrong = -1;
    for await (const session of vbm.restoreSessions.iterate({ pageSize: PAGE_SIZE })) {
      if (firstWrong < 0 && session.id !== expected[count]) firstWrong = count;
      count++;
      // Halfway through the first walk, every token the server issued expires at once.
      if (index === 0 && count === SESSIONS / 2) {
        tokenRequestsAtExpiry = server.stats.tokenRequests;
        server.expireTokens();
      }
    }
    return { count, firstWrong };
  }

  const results = await Promise.all(Array.from({ length: WALKS }, (_, index) => walk(index)));
  expect(results.filter((result) => result.count !== SESSIONS || result.firstWrong >= 0)).toEqual([]);
  expect(tokenRequestsAtExpiry, "the shared login happened once before the expiry").toBe(1);
  expect(server.stats.tokenRequests, "one login, then one renewal shared by every walk").toBe(2);
  expect(server.stats.byGrant).toEqual({ password: 1, refresh_token: 1 });
});
