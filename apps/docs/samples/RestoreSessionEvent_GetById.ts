// One event of a restore session.
import { createVbm365Client } from "@vbm365/client";

const { VBM365_URL, VBM365_TOKEN } = process.env;
if (!VBM365_URL || !VBM365_TOKEN) {
  console.error("Set VBM365_URL and VBM365_TOKEN first.");
  process.exit(1);
}

const vbm = createVbm365Client({
  baseUrl: VBM365_URL,
  auth: { token: VBM365_TOKEN },
});

const sessionId = "b7f43a7f-3508-4d04-8ec2-ece6944e916b";
const eventId = "5a4b4c54-0a7e-4a4b-9c39-1c1e5f0d9a11";
const event = await vbm.restoreSessions.event(sessionId, eventId);
console.log(event.status, event.itemType, event.itemName);
console.log(event.source, "->", event.target);
