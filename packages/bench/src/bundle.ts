// Item 4: bytes a user's bundle gains from the client, minified with esbuild and then
// gzipped and brotli-compressed, as size-limit measures. The entries and the budget are
// read from the client's own size-limit config when it has one, so they live in one place.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import type { Row } from "./report.js";

export interface SizeEntry {
  name: string;
  /** File of the client package, relative to it. */
  path: string;
  /** size-limit's `import`, such as `{ createVbm365Client }`; the whole module when absent. */
  import?: string;
  /** Packages left out of the bundle. */
  ignore?: string[];
  limit?: string;
}

export interface BundleSize {
  minified: number;
  gzip: number;
  brotli: number;
}

export const OWN_CODE = "client's own code (npm dependencies external)";
export const WITH_OPENAPI_FETCH = "client + openapi-fetch";
export const DEFAULT_BUDGET_BYTES = 4000;

/** Without a size-limit config: own code leaves every npm dependency out, the other keeps openapi-fetch in. */
export function defaultEntries(packageDir: string): SizeEntry[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const dependencies = Object.keys(manifest.dependencies ?? {});
  return [
    { name: OWN_CODE, path: "dist/index.js", ignore: dependencies },
    { name: WITH_OPENAPI_FETCH, path: "dist/index.js", ignore: dependencies.filter((name) => name !== "openapi-fetch") },
  ];
}

export function clientPackageDir(): string {
  const entry = fileURLToPath(import.meta.resolve("@vbm365/client"));
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

/** The client's size-limit entries (`.size-limit.json`, `.size-limit.{js,mjs}` or package.json). */
export async function readSizeLimitConfig(packageDir: string): Promise<SizeEntry[] | undefined> {
  const json = join(packageDir, ".size-limit.json");
  if (existsSync(json)) return JSON.parse(readFileSync(json, "utf8")) as SizeEntry[];
  for (const file of [".size-limit.js", ".size-limit.mjs"]) {
    const path = join(packageDir, file);
    if (existsSync(path)) return ((await import(pathToFileURL(path).href)) as { default: SizeEntry[] }).default;
  }
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { "size-limit"?: SizeEntry[] };
  return manifest["size-limit"];
}

/** size-limit's limit strings: `4 kB` is 4000 bytes, `4 KiB` 4096. */
export function parseLimit(limit: string): number {
  const match = /^\s*([\d.]+)\s*(B|kB|KB|KiB|MB|MiB)?\s*$/.exec(limit);
  if (!match) throw new Error(`size limit ${JSON.stringify(limit)} is not like "4 kB"`);
  const factor = { B: 1, kB: 1000, KB: 1000, KiB: 1024, MB: 1e6, MiB: 1024 ** 2 }[match[2] ?? "B"]!;
  return Math.round(Number(match[1]) * factor);
}

export async function measureBundle(packageDir: string, entry: SizeEntry): Promise<BundleSize> {
  const file = resolve(packageDir, entry.path);
  const contents = entry.import ? `export ${entry.import} from ${JSON.stringify(file)};` : `export * from ${JSON.stringify(file)};`;
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    // Node built-ins (such as a custom CA agent) are not part of what a browser bundle ships.
    external: [...(entry.ignore ?? []), "node:*"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

export interface BundleReport {
  rows: Row[];
  /** gzip bytes of the client's own code and its budget, for the target. */
  ownCode: { gzip: number; budget: number; name: string };
}

function isOwnCode(entry: SizeEntry): boolean {
  return entry.ignore?.includes("openapi-fetch") ?? false;
}

export async function benchBundle(): Promise<BundleReport> {
  const packageDir = clientPackageDir();
  const configured = await readSizeLimitConfig(packageDir);
  const source = configured ? "entries from packages/client size-limit config" : "default entries (client has no size-limit config)";
  const entries = [...(configured ?? [])];
  // Both views are always reported, whether or not the client's config lists them.
  const [ownDefault, withOpenapiFetchDefault] = defaultEntries(packageDir);
  if (!entries.some(isOwnCode)) entries.push(ownDefault!);
  if (!entries.some((entry) => !isOwnCode(entry))) entries.push(withOpenapiFetchDefault!);

  const rows: Row[] = [];
  let ownCode: BundleReport["ownCode"] | undefined;
  for (const entry of entries) {
    const size = await measureBundle(packageDir, entry);
    const name = entry.name || entry.path;
    rows.push(
      { group: "bundle", name: `${name}: min+gzip`, median: size.gzip, unit: "bytes", note: source },
      { group: "bundle", name: `${name}: min+brotli`, median: size.brotli, unit: "bytes" },
      { group: "bundle", name: `${name}: minified`, median: size.minified, unit: "bytes" },
    );
    if (isOwnCode(entry) && ownCode === undefined) {
      ownCode = { gzip: size.gzip, budget: entry.limit ? parseLimit(entry.limit) : DEFAULT_BUDGET_BYTES, name };
    }
  }
  return { rows, ownCode: ownCode! };
}
