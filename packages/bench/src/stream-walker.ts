// Child process for item 3: walks every session of the server once, either with the
// client's `restoreSessions.iterate` or with a hand-written fetch + JSON.parse loop, and
// prints how many it saw, how long it took and its own peak RSS. Run alone in its process
// so the peak belongs to the walk and nothing else.
import { createVbm365Client, type RestoreSessionPage } from "@vbm365/client";
import { peakRssBytes } from "./peak-rss.js";

export interface WalkReport {
  mode: string;
  sessions: number;
  ms: number;
  peakRssBytes: number;
}

type Walk = (baseUrl: string, token: string, pageSize: number) => Promise<number>;

// Reading a field of every session keeps both walks honest: nothing can be skipped unseen.
function touch(id: string): number {
  return id.length > 0 ? 1 : 0;
}

const walks: Record<string, Walk> = {
  async client(baseUrl, token, pageSize) {
    const client = createVbm365Client({ baseUrl, auth: { token } });
    let count = 0;
    for await (const session of client.restoreSessions.iterate({ pageSize })) count += touch(session.id);
    return count;
  },
  async hand(baseUrl, token, pageSize) {
    const headers = { Authorization: `Bearer ${token}` };
    let next: string | undefined = `/v6/RestoreSessions?offset=0&limit=${pageSize}`;
    let count = 0;
    while (next !== undefined) {
      const response = await fetch(new URL(next, baseUrl), { headers });
      if (!response.ok) throw new Error(`GET ${next} answered HTTP ${response.status}`);
      const page = JSON.parse(await response.text()) as RestoreSessionPage;
      for (const session of page.results) count += touch(session.id);
      next = page._links?.next?.href;
    }
    return count;
  },
};

async function main(): Promise<void> {
  const [mode, baseUrl, token, pageSize] = process.argv.slice(2);
  const walk = walks[mode ?? ""];
  if (walk === undefined || !mode || !baseUrl || !token || !pageSize) {
    throw new Error(`usage: stream-walker.js <${Object.keys(walks).join("|")}> <baseUrl> <token> <pageSize>`);
  }
  const started = performance.now();
  const sessions = await walk(baseUrl, token, Number(pageSize));
  const report: WalkReport = { mode, sessions, ms: performance.now() - started, peakRssBytes: peakRssBytes() };
  console.log(JSON.stringify(report));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
