// Child process for item 3: the testkit's fake server with many sessions, in its own
// process so its memory and CPU are not counted against the walker.
import { startTestServer } from "@vbm365/testkit";
import { exitWithParent } from "./child.js";

const sessions = Number(process.argv[2] ?? "1000");
const server = await startTestServer({ sessions, seed: 10 });
console.log(JSON.stringify({ url: server.url, token: server.token }));
const close = () => void server.close().finally(() => process.exit(0));
process.on("SIGTERM", close);
process.on("SIGINT", close);
exitWithParent(() => server.close());
