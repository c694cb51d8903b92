// Child process for the fleet benchmark: several testkit servers (each with its own seed)
// in one process, printed as one JSON line. The bench spreads the fleet over a few such
// processes so that serving twenty servers is not one process's CPU.
import { startTestServer } from "@vbm365/testkit";
import { exitWithParent } from "./child.js";

const count = Number(process.argv[2] ?? "1");
const sessions = Number(process.argv[3] ?? "1000");
const firstSeed = Number(process.argv[4] ?? "1");
// Each answer held back this long, as a server across a WAN would: 0 is plain loopback.
const latencyMs = Number(process.argv[5] ?? "0");
const servers = await Promise.all(Array.from({ length: count }, (_, i) => startTestServer({ sessions, seed: firstSeed + i })));
if (latencyMs > 0) for (const server of servers) server.faults.inject({ kind: "delayHeaders", delayMs: latencyMs, times: Infinity });
console.log(JSON.stringify({ servers: servers.map((server) => ({ url: server.url, token: server.token })) }));
const close = async (): Promise<void> => {
  await Promise.all(servers.map((server) => server.close()));
};
process.on("SIGTERM", () => void close().finally(() => process.exit(0)));
process.on("SIGINT", () => void close().finally(() => process.exit(0)));
exitWithParent(close);
