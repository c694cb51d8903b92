// Every restore session that started since a moment, all
// pages: iterate() follows `_links.next` to the last page,
// so nothing past the first 30 sessions is lost.
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

const sessions = vbm.restoreSessions.iterate({
  startTimeFrom: "2022-01-01T00:00:00Z",
  pageSize: 100,
});
for await (const session of sessions) {
  const { id, state, initiatedBy, name } = session;
  console.log(id, state, initiatedBy, name);
}
