// Serves the built page. The list of files is read once at start, so a request can only
// ever name one of them: no path from the URL reaches the file system.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Vite's hashed assets never change, so browsers may keep them. */
  immutable: boolean;
}

export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const path of walk(root)) {
    const urlPath = `/${relative(root, path).split(sep).join("/")}`;
    files.set(urlPath, {
      body: readFileSync(path),
      type: contentTypes[extname(path)] ?? "application/octet-stream",
      immutable: urlPath.startsWith("/assets/"),
    });
  }
  const index = files.get("/index.html");
  if (!index) throw new Error(`The dashboard's page is not built (no ${join(root, "index.html")}); run its build first.`);
  files.set("/", index);
  return files;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
