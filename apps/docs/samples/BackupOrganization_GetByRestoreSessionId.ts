// The backed-up organization a restore session works on.
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
  const org = await vbm.restoreSessions.organization(newest.id);
  console.log(org.name, org.type, org.id);
}
