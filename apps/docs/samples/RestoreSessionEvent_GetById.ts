// One event of a restore session, by id. Both ids come
// from list calls: the newest session, its first event.
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
let eventId: string | undefined;
if (newest !== undefined) {
  for await (const first of vbm.restoreSessions.events(newest.id)) {
    eventId = first.id;
    break; // ends the walk; no further page is fetched
  }
}
if (newest === undefined || eventId === undefined) {
  console.log("No restore session with events yet.");
} else {
  const event = await vbm.restoreSessions.event(newest.id, eventId);
  console.log(event.status, event.itemType, event.itemName);
  console.log(event.source, "->", event.target);
}
