// The backed-up organization a restore session works on.
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
const org = await vbm.restoreSessions.organization(sessionId);
console.log(org.name, org.type, org.id);
