// One origin for a bundled page and the API it calls, as an app is usually deployed: files
// under /<name>/ come from the bundle folders, every other path goes to the testkit.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, request as forward } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

export interface SameOrigin {
  url: string;
  close(): Promise<void>;
}

export async function serveSameOrigin(sites: Record<string, string>, apiUrl: string): Promise<SameOrigin> {
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const [, site, ...rest] = path.split("/");
    const folder = site ? sites[site] : undefined;
    if (folder) {
      const file = join(folder, normalize(rest.join("/") || "index.html"));
      if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      return void createReadStream(file).pipe(res);
    }
    const upstream = forward(
      { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
