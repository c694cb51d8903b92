// What the client's defences against a hostile server amount to, measured against the built
// client (`pnpm build` first) with
// default options and loopback servers started here:
//   node --expose-gc scripts/measure-hostile.mjs
// - requests that reach a redirect's target (data call 302, token POST 307 and 308);
// - time to fail against a server that never answers (default timeoutMs and retries), with
//   garbage collection forced meanwhile;
// - requests made against a server that echoes the offset but repeats the same ids.
import { createServer } from "node:http";
import { createVbm365Client } from "../dist/index.js";

const SESSION = "b7f43a7f-3508-4d04-8ec2-ece6944e916b";

async function serve(handle) {
  const seen = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => handle(request, response));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const session = (n) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  type: "Vex",
  creationTime: "2024-01-01T00:00:00Z",
  state: "Stopped",
  result: "Success",
});
const json = (response, status, body, headers = {}) =>
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

async function redirects() {
  const target = await serve((_, response) => json(response, 200, { access_token: "stolen", expires_in: 3600 }));
  const rows = [];
  for (const [status, what] of [
    [302, "data"],
    [307, "token"],
    [308, "token"],
  ]) {
    const origin = await serve((request, response) => {
      const isToken = /token/i.test(request.url);
      if ((what === "token") === isToken) response.writeHead(status, { location: `${target.url}${request.url}` }).end();
      else if (isToken) json(response, 200, { access_token: "a-token", expires_in: 3600 });
      else json(response, 200, session(1));
    });
    const auth = what === "token" ? { username: "admin", password: "secret-password" } : { token: "t0ken" };
    const error = await createVbm365Client({ baseUrl: origin.url, auth })
      .restoreSessions.get(SESSION)
      .catch((e) => e);
    rows.push(`${status} on ${what}: ${target.seen.length} requests at the target; ${error.name}: ${error.message}`);
    await origin.close();
  }
  await target.close();
  return rows;
}

async function neverAnswers() {
  const server = await serve(() => undefined);
  const gcTimer = globalThis.gc ? setInterval(() => globalThis.gc(), 50) : undefined;
  const started = performance.now();
  const error = await createVbm365Client({ baseUrl: server.url, auth: { token: "t0ken" } })
    .restoreSessions.list()
    .catch((e) => e);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(gcTimer);
  await server.close();
  return `failed after ${seconds.toFixed(1)} s with ${error.name} (${server.seen.length} attempts; gc forced every 50 ms: ${Boolean(globalThis.gc)})`;
}

async function repeating() {
  const server = await serve((request, response) => {
    const url = new URL(request.url, "http://x");
    const offset = Number(url.searchParams.get("offset"));
    const limit = Number(url.searchParams.get("limit"));
    json(response, 200, { offset, limit, results: Array.from({ length: limit }, (_, n) => session(n)) });
  });
  const vbm = createVbm365Client({ baseUrl: server.url, auth: { token: "t0ken" } });
  let items = 0;
  const error = await (async () => {
    for await (const _ of vbm.restoreSessions.iterate()) items++;
  })().catch((e) => e);
  await new Promise((resolve) => setTimeout(resolve, 100));
  await server.close();
  return `${server.seen.length} requests, ${items} items, then ${error?.name}: ${error?.message}`;
}

const which = process.argv[2] ?? "all";
if (which === "all" || which === "redirects") console.log(`redirects:\n  ${(await redirects()).join("\n  ")}`);
if (which === "all" || which === "repeating") console.log("repeating server:", await repeating());
if (which === "all" || which === "silent") console.log("never-answering server:", await neverAnswers());
