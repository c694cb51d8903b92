// Item 3: walking every session of a big server, client `iterate` against a hand loop.
// Runs alternate (client, hand, client, ...) so a drift of the machine hits both alike.
import { startServerChild, runChild } from "./child.js";
import { median } from "./measure.js";
import { MB } from "./peak-rss.js";
import type { Row } from "./report.js";
import type { WalkReport } from "./stream-walker.js";

export interface StreamPlan {
  sessions: number;
  pageSize: number;
  runs: number;
}

export const CLIENT_WALK = "@vbm365/client iterate";
/** The client's walk of a server a tenth the size, same page size: memory must not grow with the count. */
export const SMALL_DIVISOR = 10;
export const smallWalk = (sessions: number, walk = CLIENT_WALK) =>
  `${walk}, ${(sessions / SMALL_DIVISOR).toLocaleString("en-US")} sessions`;
export const HAND_WALK = "fetch + JSON.parse loop";

export interface StreamResult {
  rows: Row[];
  client?: { sessionsPerSecond: number; peakRssMB: number };
  small?: { sessionsPerSecond: number; peakRssMB: number };
  smallHand?: { sessionsPerSecond: number; peakRssMB: number };
  hand?: { sessionsPerSecond: number; peakRssMB: number };
}

async function walkAll(
  mode: string,
  server: { url: string; token: string },
  plan: StreamPlan,
  sessions = plan.sessions,
): Promise<WalkReport> {
  const report = await runChild<WalkReport>("stream-walker.js", [mode, server.url, server.token, String(plan.pageSize)]);
  if (report.sessions !== sessions) {
    throw new Error(`${mode} walk saw ${report.sessions} sessions, the server has ${sessions}`);
  }
  return report;
}

/**
 * Both walks of a server with a tenth of the sessions, `plan.runs` times each: the client's
 * peak must not grow with the count, and the hand loop's shows what the runtime alone does.
 */
async function walkSmall(plan: StreamPlan): Promise<Record<"client" | "hand", WalkReport[]>> {
  const sessions = Math.max(1, Math.round(plan.sessions / SMALL_DIVISOR));
  const server = await startServerChild<{ url: string; token: string }>("stream-server.js", [String(sessions)], 300_000);
  const reports: Record<"client" | "hand", WalkReport[]> = { client: [], hand: [] };
  try {
    for (let run = 0; run < plan.runs; run++) {
      for (const mode of ["client", "hand"] as const) reports[mode].push(await walkAll(mode, server.info, plan, sessions));
    }
    return reports;
  } finally {
    await server.stop();
  }
}

function summarise(reports: WalkReport[]) {
  return {
    sessionsPerSecond: median(reports.map((r) => (r.sessions / r.ms) * 1000)),
    peakRssMB: Math.max(...reports.map((r) => r.peakRssBytes)) / MB,
  };
}

export async function benchStream(plan: StreamPlan): Promise<StreamResult> {
  const server = await startServerChild<{ url: string; token: string }>("stream-server.js", [String(plan.sessions)], 300_000);
  const reports: Record<"client" | "hand", WalkReport[]> = { client: [], hand: [] };
  try {
    for (let run = 0; run < plan.runs; run++) {
      for (const mode of run % 2 === 0 ? (["client", "hand"] as const) : (["hand", "client"] as const)) {
        reports[mode].push(await walkAll(mode, server.info, plan));
      }
    }
  } finally {
    await server.stop();
  }
  const client = summarise(reports.client);
  const hand = summarise(reports.hand);
  const smallReports = await walkSmall(plan);
  const small = summarise(smallReports.client);
  const smallHand = summarise(smallReports.hand);
  const note = `${plan.sessions.toLocaleString("en-US")} sessions, page ${plan.pageSize.toLocaleString("en-US")}`;
  const rows: Row[] = [
    {
      group: "stream",
      name: `${CLIENT_WALK}: throughput`,
      median: client.sessionsPerSecond,
      unit: "sessions/s",
      ratioTo: `${HAND_WALK}: throughput`,
      samples: plan.runs,
      note,
    },
    { group: "stream", name: `${HAND_WALK}: throughput`, median: hand.sessionsPerSecond, unit: "sessions/s", samples: plan.runs, note },
    {
      group: "stream",
      name: `${CLIENT_WALK}: peak RSS`,
      median: client.peakRssMB,
      unit: "MB",
      ratioTo: `${HAND_WALK}: peak RSS`,
      samples: plan.runs,
      note: "max over runs, walker process only",
    },
    {
      group: "stream",
      name: `${HAND_WALK}: peak RSS`,
      median: hand.peakRssMB,
      unit: "MB",
      samples: plan.runs,
      note: "max over runs, walker process only",
    },
    {
      group: "stream",
      name: `${smallWalk(plan.sessions)}: peak RSS`,
      median: small.peakRssMB,
      unit: "MB",
      ratioTo: `${CLIENT_WALK}: peak RSS`,
      samples: plan.runs,
      note: `max over runs; a tenth of the sessions, page ${plan.pageSize.toLocaleString("en-US")}`,
    },
    {
      group: "stream",
      name: `${smallWalk(plan.sessions, HAND_WALK)}: peak RSS`,
      median: smallHand.peakRssMB,
      unit: "MB",
      ratioTo: `${HAND_WALK}: peak RSS`,
      samples: plan.runs,
      note: `max over runs; a tenth of the sessions, page ${plan.pageSize.toLocaleString("en-US")}`,
    },
  ];
  return { rows, client, hand, small, smallHand };
}
