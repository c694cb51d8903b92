// Stops the first running restore session found by a list
// walk. The client never retries a stop: a stop that timed
// out may have stopped the session.
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

let running: string | undefined;
for await (const session of vbm.restoreSessions.iterate()) {
  if (session.state === "Working") {
    running = session.id;
    break; // ends the walk
  }
}
if (running === undefined) {
  console.log("No restore session is running.");
} else {
  await vbm.restoreSessions.stop(running);
  console.log(`Asked the server to stop ${running}.`);
}
