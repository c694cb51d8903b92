// `npm start`: the mock and the docs side by side on loopback, stopped together on Ctrl-C.
import { startMock } from "@vbm365/openapi/mock";
import { startDocsServer } from "@vbm365/docs/server";

const mockPort = Number(process.env.MOCK_PORT ?? 4010);
const docsPort = Number(process.env.DOCS_PORT ?? 4020);

const services = [];
async function stopAll(code) {
  await Promise.allSettled(services.map((service) => service.close()));
  process.exit(code);
}

try {
  const mock = await startMock({ port: mockPort });
  services.push(mock);
  mock.child.once("exit", (code) => {
    console.error(`The mock server stopped unexpectedly (exit ${code}).`);
    void stopAll(1);
  });
  const docs = await startDocsServer({ port: docsPort });
  services.push(docs);

  console.log(`
  Mock server (Prism): ${mock.url}
      curl -H 'Authorization: Bearer x' ${mock.url}/v6/RestoreSessions
  API docs:            ${docs.url}

  Ctrl-C stops everything.`);
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : error}`);
  console.error("Is something else listening on those ports? Set MOCK_PORT / DOCS_PORT to choose others.");
  await stopAll(1);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stopAll(0));
