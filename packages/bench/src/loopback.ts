// Item 2: the same contenders over real loopback sockets, against a minimal server
// in another process. The ratio is to plain fetch, the floor any fetch-based client pays.
import { AXIOS, AXIOS_FETCH, OPENAPI_FETCH, OURS, OURS_NO_RETRY, PLAIN_FETCH, checkContenders, contenders } from "./contenders.js";
import { startServerChild } from "./child.js";
import { PAGE_QUERY } from "./fixtures.js";
import { timeTasks, type TimingPlan } from "./measure.js";
import type { Row } from "./report.js";

export async function benchLoopback(plan: TimingPlan): Promise<Row[]> {
  const server = await startServerChild<{ url: string }>("loopback-server.js", []);
  try {
    const fetchers = contenders({ baseUrl: server.info.url, fetch: globalThis.fetch });
    await checkContenders(fetchers, PAGE_QUERY.limit);
    const timings = await timeTasks(fetchers, plan);
    return [OURS, OURS_NO_RETRY, OPENAPI_FETCH, AXIOS, AXIOS_FETCH, PLAIN_FETCH].map((name) => ({
      group: "loopback",
      name,
      median: timings.get(name)!.medianMs * 1000,
      unit: "µs/call",
      ratioTo: PLAIN_FETCH,
      samples: timings.get(name)!.calls,
      note: "node:http on 127.0.0.1, keep-alive",
    }));
  } finally {
    await server.stop();
  }
}
