// One restore session by id, with the errors a script
// should expect: a Vbm365ApiError carries the HTTP status
// (404: no such session, 401: token refused). The id comes
// from a list call; in your script, from iterate() or list().
import { createVbm365Client, Vbm365ApiError } from "@vbm365/client";

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
const sessionId = results[0]?.id;
if (sessionId === undefined) {
  console.log("No restore sessions on this server yet.");
} else {
  try {
    const session = await vbm.restoreSessions.get(sessionId);
    console.log(session.name);
    console.log(session.state, session.result, session.initiatedBy);
    console.log(session.creationTime, "-", session.endTime ?? "running");
  } catch (error) {
    if (!(error instanceof Vbm365ApiError)) throw error;
    if (error.status === 404) {
      console.log(`Session ${sessionId} no longer exists.`);
    } else if (error.status === 401) {
      console.error("The token was refused: get a new one.");
      process.exitCode = 1;
    } else {
      throw error; // 5xx and others: message, status, path
    }
  }
}
