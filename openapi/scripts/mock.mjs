// `pnpm mock`: Prism in the foreground, one process per API version on 127.0.0.1:
// v6 on $MOCK_PORT (4010), v7 on the next port (4011), v8 on the one after (4012).
import { apiVersions } from "../index.js";
import { startMock } from "../mock.js";

const basePort = Number(process.env.MOCK_PORT ?? 4010);
if (!Number.isInteger(basePort) || basePort < 1 || basePort + apiVersions.length - 1 > 65535) {
  console.error(`MOCK_PORT must be a port number from 1 to ${65536 - apiVersions.length}, got ${JSON.stringify(process.env.MOCK_PORT)}.`);
  process.exit(1);
}
const mocks = [];
for (const [index, version] of apiVersions.entries()) {
  const mock = await startMock({ port: basePort + index, version, quiet: false });
  mocks.push(mock);
  console.log(
    `Mock server (Prism) for ${version} ready at ${mock.url} — try: curl -H 'Authorization: Bearer x' ${mock.url}/${version}/RestoreSessions`,
  );
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => Promise.all(mocks.map((mock) => mock.close())).then(() => process.exit(0)));
}
