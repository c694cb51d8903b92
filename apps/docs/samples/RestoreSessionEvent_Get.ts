// Every event of a restore session, all pages, in order:
// what was restored, exported or sent, and where to.
// The session comes from a list call (here the newest).
import { createVbm365Client } from "@vbm365/client";

const { VBM365_URL, VBM365_TOKEN } = process.env;
if (!VBM365_URL || !VBM365_TOKEN) {
  console.error("Set VBM365_URL and VBM365_TOKEN first.");
  process.exit(1);
}

const vbm = createVbm365Client({
  baseUrl: VBM365_URL,
  auth: { token: VBM365_TOKEN },
  apiVersion: "auto", // the newest the server serves
});

const { results } = await vbm.restoreSessions.list({ limit: 1 });
const [newest] = results;
if (newest === undefined) {
  console.log("No restore sessions on this server yet.");
} else {
  const events = vbm.restoreSessions.events(newest.id, {
    pageSize: 200,
  });
  for await (const event of events) {
    console.log(event.order, event.status, event.startTime);
    console.log("  ", event.message);
  }
}
