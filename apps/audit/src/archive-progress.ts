// The sync's progress line: sessions/s, events/s and, when the server's session count is
// known, an ETA.
import type { SyncProgress } from "@vbm365/archive";
import type { RestoreSessionsApi } from "@vbm365/client";

/**
 * How many sessions the server lists, found with one-session pages: doubling the offset
 * until a page is empty, then halving the gap (about 2·log2(n) small requests). Undefined
 * when the server does not answer: the progress line then shows no ETA.
 */
export async function countServerSessions(client: { restoreSessions: Pick<RestoreSessionsApi, "list"> }): Promise<number | undefined> {
  const has = async (offset: number) => (await client.restoreSessions.list({ offset, limit: 1 })).results.length > 0;
  try {
    if (!(await has(0))) return 0;
    let low = 0; // known to exist
    let high = 1;
    while (await has(high)) {
      low = high;
      high *= 2;
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await has(middle)) low = middle;
      else high = middle;
    }
    return low + 1;
  } catch {
    return undefined;
  }
}

const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round((count * 1000) / ms) : 0);

function eta(progress: SyncProgress, total: number | undefined): string {
  if (total === undefined || progress.sessionsSeen === 0) return "ETA unknown";
  const left = Math.max(0, total - progress.sessionsSeen);
  const seconds = Math.round((left * progress.elapsedMs) / progress.sessionsSeen / 1000);
  return `ETA ${seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`}`;
}

export function progressLine(progress: SyncProgress, total: number | undefined): string {
  const seen = total === undefined ? `${progress.sessionsSeen}` : `${progress.sessionsSeen}/${total}`;
  return (
    `archive sync: ${seen} sessions (${perSecond(progress.sessionsSeen, progress.elapsedMs)}/s), ` +
    `${progress.eventsStored} events stored (${perSecond(progress.eventsStored, progress.elapsedMs)}/s), ${eta(progress, total)}`
  );
}
