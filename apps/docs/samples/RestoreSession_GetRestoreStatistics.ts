// API versions: v8
// What a restore session handled: items restored, failed
// and skipped (REST API v8 only, VBM365 8 servers). The
// session comes from a list call (here the newest); a
// Vbm365ApiError carries the HTTP status.
import { createVbm365Client, Vbm365ApiError } from "@vbm365/client";

const { VBM365_URL, VBM365_TOKEN } = process.env;
if (!VBM365_URL || !VBM365_TOKEN) {
  console.error("Set VBM365_URL and VBM365_TOKEN first.");
  process.exit(1);
}

// Pinned to v8: statistics() exists in v8 only.
const vbm = createVbm365Client({
  baseUrl: VBM365_URL,
  auth: { token: VBM365_TOKEN },
  apiVersion: "v8",
});

const { results } = await vbm.restoreSessions.list({ limit: 1 });
const sessionId = results[0]?.id;
if (sessionId === undefined) {
  console.log("No restore sessions on this server yet.");
} else {
  try {
    const stats = await vbm.restoreSessions.statistics(sessionId);
    console.log(`${stats.totalItemsCount} items:`);
    console.log("  restored", stats.restoredItemsCount);
    console.log("  failed  ", stats.failedItemsCount);
    console.log("  skipped ", stats.skippedItemsCount);
  } catch (error) {
    if (!(error instanceof Vbm365ApiError)) throw error;
    if (error.status === 404) {
      console.log(`Session ${sessionId} no longer exists.`);
    } else {
      throw error; // 401, 5xx and others: message, status, path
    }
  }
}
