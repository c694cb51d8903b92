// One page of restore sessions; `offset` and `limit` choose
// the window. Prefer iterate() unless you page by hand:
// stopping after one page misses every later session.
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

const page = await vbm.restoreSessions.list({ offset: 0, limit: 30 });
for (const { id, state, initiatedBy, name } of page.results) {
  console.log(id, state, initiatedBy, name);
}
const next = page._links?.next?.href;
console.log(next ? `More at ${next}` : "That was the last page.");
