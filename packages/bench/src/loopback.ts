// Item 2: the same contenders over real loopback sockets, against a minimal server
// in another process. The ratio is to plain fetch, the floor any fetch-based client pays.
import { PLAIN_FETCH, benchContenders } from "./contenders.js";
import { startServerChild } from "./child.js";
import type { TimingPlan } from "./measure.js";
import type { Row } from "./report.js";

export async function benchLoopback(plan: TimingPlan): Promise<Row[]> {
  const server = await startServerChild<{ url: string }>("loopback-server.js", []);
  try {
    return await benchContenders({ baseUrl: server.info.url, fetch: globalThis.fetch }, plan, {
      group: "loopback",
      ratioTo: PLAIN_FETCH,
      note: "node:http on 127.0.0.1, keep-alive",
    });
  } finally {
    await server.stop();
  }
}
