// `pnpm --filter @vbm365/dashboard start`: settings from the environment, URL on stdout.
import { ConfigError, settingsFromEnv } from "./config.js";
import { startDashboardServer } from "./index.js";

try {
  const settings = settingsFromEnv();
  const server = await startDashboardServer(settings);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
  console.log(`Restore dashboard: ${server.url}  (VBM365 server: ${settings.target.url}${settings.allowStop ? ", Stop enabled" : ""})`);
} catch (error) {
  const known = error instanceof ConfigError || (error as NodeJS.ErrnoException).code === "EADDRINUSE";
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Dashboard not started: ${known ? message : message.split("\n")[0]}`);
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error("Set PORT to use another port.");
  process.exit(1);
}
