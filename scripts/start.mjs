// `npm start`: the mocks (one per API version), the docs and the dashboard side by side on
// loopback, stopped together on Ctrl-C.
import { apiVersions } from "@vbm365/openapi";
import { startMock } from "@vbm365/openapi/mock";
import { startDocsServer } from "@vbm365/docs/server";
import { startDashboardServer, targetFromEnv } from "@vbm365/dashboard";

const mockPort = Number(process.env.MOCK_PORT ?? 4010);
const docsPort = Number(process.env.DOCS_PORT ?? 4020);
const dashboardPort = Number(process.env.DASHBOARD_PORT ?? 4030);

const services = [];
let stopping = false;
async function stopAll(code) {
  stopping = true;
  await Promise.allSettled(services.map((service) => service.close()));
  process.exit(code);
}

try {
  // v6 on MOCK_PORT, v7 and v8 on the ports after it, as `pnpm mock` does.
  const mocks = await Promise.all(apiVersions.map((version, index) => startMock({ port: mockPort + index, version })));
  for (const [index, mock] of mocks.entries()) {
    services.push(mock);
    mock.child.once("exit", (code) => {
      if (stopping) return;
      console.error(`The ${apiVersions[index]} mock server stopped unexpectedly (exit ${code}).`);
      void stopAll(1);
    });
  }
  const mock = mocks[0];
  // The dashboard reads the newest version's mock, so v8's statistics show in its details.
  const newestMock = mocks[mocks.length - 1];
  const docs = await startDocsServer({ port: docsPort });
  services.push(docs);
  // The dashboard reads the mock unless VBM365_URL (and its credentials) point elsewhere.
  const target = process.env.VBM365_URL ? targetFromEnv() : { url: newestMock.url, auth: { token: "mock-token" } };
  const dashboard = await startDashboardServer({ port: dashboardPort, target, allowStop: process.env.DASHBOARD_ALLOW_STOP === "1" });
  services.push(dashboard);

  console.log(`
  Mock servers (Prism): ${mocks.map((m, index) => `${apiVersions[index]} ${m.url}`).join(", ")}
      curl -H 'Authorization: Bearer x' ${mock.url}/v6/RestoreSessions
  API docs:            ${docs.url}
  Restore dashboard:   ${dashboard.url}  (reads ${target.url})

  Ctrl-C stops everything.`);
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : error}`);
  console.error("Is something else listening on those ports? Set MOCK_PORT / DOCS_PORT / DASHBOARD_PORT to choose others.");
  await stopAll(1);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stopAll(0));
