// `pnpm docs:serve`: the built site on a loopback port ($DOCS_PORT, default 4020).
import { startDocsServer } from "../server.mjs";

const docs = await startDocsServer({ port: Number(process.env.DOCS_PORT ?? 4020) });
console.log(`Docs served at ${docs.url}`);
