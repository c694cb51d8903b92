// `npm start`: the mocks (one per API version), the docs, a testkit server and the dashboard
// side by side on loopback, stopped together on Ctrl-C.
//
// The dashboard reads the testkit, not the mocks: Prism answers with the spec's static
// examples, whose dates are years old, so "last 24 hours" would show an empty chart. The
// testkit's seeded sessions end shortly before now, with events and v8 statistics. The mocks
// stay for the API explorer and the contract suite.
import { apiVersions } from "@vbm365/openapi";
import { startMock } from "@vbm365/openapi/mock";
import { startDocsServer } from "@vbm365/docs/server";
import { startDashboardServer, targetFromEnv } from "@vbm365/dashboard";
import { startTestServer } from "@vbm365/testkit";

/** A port from the environment, or a clear one-line stop naming the variable. */
function portFromEnv(name, fallback, { span = 1 } = {}) {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port + span - 1 > 65535) {
    const range = span > 1 ? `1-${65536 - span} (it and the ${span - 1} after it are used)` : "1-65535";
    console.error(`${name} must be a port number ${range}, got "${raw.slice(0, 20)}".`);
    process.exit(2);
  }
  return port;
}

const mockPort = portFromEnv("MOCK_PORT", 4010, { span: apiVersions.length });
const docsPort = portFromEnv("DOCS_PORT", 4020);
const dashboardPort = portFromEnv("DASHBOARD_PORT", 4030);
const testkitPort = portFromEnv("TESTKIT_PORT", 4040);
// About 31 days of sessions, one every ~15 minutes: every window the dashboard offers has data.
const testkitSessions = 3000;

const services = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(services.map((service) => service.close()));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stopAll(0));

/** Where the dashboard reads: VBM365_URL (with its credentials) if set, else the testkit. */
async function dashboardTarget() {
  if (process.env.VBM365_URL) return { target: targetFromEnv(), label: process.env.VBM365_URL };
  const testkit = await startTestServer({ port: testkitPort, sessions: testkitSessions, seed: 1 });
  services.push(testkit);
  // The password grant rather than the start-up token: a token expires after an hour,
  // the client logs in again with the credentials when it does.
  return {
    target: { url: testkit.url, auth: testkit.credentials },
    label: `the testkit at ${testkit.url}, ${testkitSessions} sessions up to now`,
  };
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
  const docs = await startDocsServer({ port: docsPort });
  services.push(docs);
  const { target, label } = await dashboardTarget();
  const allowStop = process.env.DASHBOARD_ALLOW_STOP === "1";
  const dashboard = await startDashboardServer({ port: dashboardPort, target, allowStop });
  services.push(dashboard);

  console.log(`
  Mock servers (Prism): ${mocks.map((m, index) => `${apiVersions[index]} ${m.url}`).join(", ")}
      curl -H 'Authorization: Bearer x' ${mock.url}/v6/RestoreSessions
  API docs:            ${docs.url}
  Restore dashboard:   ${dashboard.url}  (reads ${label})

  Ctrl-C stops everything.`);
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : error}`);
  console.error("Is something else listening on those ports? Set MOCK_PORT / DOCS_PORT / DASHBOARD_PORT / TESTKIT_PORT to choose others.");
  await stopAll(1);
}
