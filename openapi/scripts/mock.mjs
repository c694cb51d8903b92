// `pnpm mock`: Prism in the foreground on 127.0.0.1:4010 (or $MOCK_PORT).
import { startMock } from "../mock.js";

const port = Number(process.env.MOCK_PORT ?? 4010);
const mock = await startMock({ port, quiet: false });
console.log(`Mock server (Prism) ready at ${mock.url} — try: curl -H 'Authorization: Bearer x' ${mock.url}/v6/RestoreSessions`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => mock.close().then(() => process.exit(0)));
