// `pnpm --filter @vbm365/dashboard start`: settings from the environment, URL on stdout.
import { ConfigError, settingsFromEnv } from "./config.js";
import { fleetConfigFromEnv, openFleet } from "./fleet-config.js";
import { startDashboardServer } from "./index.js";

try {
  const settings = settingsFromEnv();
  // A configuration file (and no VBM365_URL) shows every server it lists.
  const fleetConfig = fleetConfigFromEnv();
  const fleet = fleetConfig ? await openFleet(fleetConfig) : undefined;
  const server = await startDashboardServer({ ...settings, ...(fleet ? { fleet } : {}) });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
  const ready = `Restore dashboard: ${server.url}  (${fleetConfig ? `${fleetConfig.servers.length} VBM365 servers from ${fleetConfig.path}` : `VBM365 server: ${settings.target.url}`}${settings.allowStop ? ", Stop enabled" : ""})`;
  // The token itself is never printed: the operator set it and knows it. One write, so a
  // reader that stops at the URL has the whole message.
  const tokenNote = "Access token required: open the page and enter DASHBOARD_ACCESS_TOKEN, or append #token=<token> to the URL.";
  console.log(settings.accessToken ? `${ready}\n${tokenNote}` : ready);
} catch (error) {
  const known = error instanceof ConfigError || (error as NodeJS.ErrnoException).code === "EADDRINUSE";
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Dashboard not started: ${known ? message : message.split("\n")[0]}`);
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error("Set PORT to use another port.");
  process.exit(1);
}
