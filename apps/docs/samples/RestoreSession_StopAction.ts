// Stops a running restore session. The client never retries
// a stop: a stop that timed out may have stopped the session.
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
await vbm.restoreSessions.stop(sessionId);
console.log(`Asked the server to stop ${sessionId}.`);
