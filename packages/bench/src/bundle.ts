// Item 4: bytes a user's bundle gains from the client, minified with esbuild and then
// gzipped and brotli-compressed, as size-limit measures. The entries are read from the
// client's own size-limit config, and its own size-limit run is reported as is.
import { build, type BuildOptions } from "esbuild";
import { spawnSync } from "node:child_process";
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
  /** size-limit's hook to adjust the esbuild options, applied here the same way. */
  modifyEsbuildConfig?: (config: BuildOptions) => BuildOptions;
}

export interface BundleSize {
  minified: number;
  gzip: number;
  brotli: number;
}

export const OWN_CODE = "client's own code";
export const WITH_OPENAPI_FETCH = "client + openapi-fetch";

/** Without a size-limit config, the client's own code is everything but its npm dependencies. */
export function defaultOwnCodeEntry(packageDir: string): SizeEntry {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return { name: OWN_CODE, path: "dist/index.js", ignore: Object.keys(manifest.dependencies ?? {}) };
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

export async function measureBundle(packageDir: string, entry: SizeEntry): Promise<BundleSize> {
  const file = resolve(packageDir, entry.path);
  const input: BuildOptions = entry.import
    ? { stdin: { contents: `export ${entry.import} from ${JSON.stringify(file)};`, resolveDir: packageDir, loader: "js" } }
    : { entryPoints: [file] };
  const options: BuildOptions = {
    ...input,
    absWorkingDir: packageDir,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    // Node built-ins (such as a custom CA agent) are not part of what a browser bundle ships.
    external: [...(entry.ignore ?? []), "node:*"],
    logLevel: "silent",
  };
  const result = await build({ ...(entry.modifyEsbuildConfig?.(options) ?? options), write: false });
  const code = result.outputFiles![0]!.contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

export interface BundleReport {
  rows: Row[];
  /** min+gzip bytes of the client's own code, for the target. */
  ownCode: { gzip: number; name: string };
}

function isOwnCode(entry: SizeEntry): boolean {
  return entry.ignore?.includes("openapi-fetch") ?? false;
}

/** The own-code entry with openapi-fetch bundled in: what a user's bundle really gains. */
export function withOpenapiFetch(own: SizeEntry): SizeEntry {
  const { limit: _budgetOfOwnCodeOnly, ...rest } = own;
  return { ...rest, name: WITH_OPENAPI_FETCH, ignore: (own.ignore ?? []).filter((name) => name !== "openapi-fetch") };
}

export interface SizeLimitCheck {
  name: string;
  passed: boolean;
  size: number;
  sizeLimit?: number;
}

/** The client's own `size-limit --json` (the check CI enforces); undefined when it has none. */
export function runSizeLimit(packageDir: string): SizeLimitCheck[] | undefined {
  const bin = join(packageDir, "node_modules", ".bin", "size-limit");
  if (!existsSync(bin)) return undefined;
  // It exits 1 when a budget is exceeded but still prints the JSON: read it either way.
  const result = spawnSync(bin, ["--json"], { cwd: packageDir, encoding: "utf8" });
  try {
    return JSON.parse(result.stdout) as SizeLimitCheck[];
  } catch {
    throw new Error(`size-limit --json in ${packageDir} printed no JSON: ${(result.stderr || result.stdout).trim().split("\n")[0]}`);
  }
}

export async function benchBundle(): Promise<BundleReport> {
  const packageDir = clientPackageDir();
  const configured = await readSizeLimitConfig(packageDir);
  const own = configured?.find(isOwnCode) ?? defaultOwnCodeEntry(packageDir);
  const rows: Row[] = [];

  const checks = configured ? runSizeLimit(packageDir) : undefined;
  for (const check of checks ?? []) {
    const budget = check.sizeLimit === undefined ? "" : `budget ${check.sizeLimit.toLocaleString("en-US")} B; `;
    rows.push({
      group: "bundle",
      name: `size-limit: ${check.name}`,
      median: check.size,
      unit: "bytes",
      note: `${budget}packages/client/.size-limit, as CI checks it`,
    });
  }

  // The same method for both views, so the difference is what openapi-fetch adds.
  const origin = configured ? "esbuild, client's own-code size-limit entry" : "esbuild, client has no size-limit config";
  for (const [name, entry] of [
    [OWN_CODE, own],
    [WITH_OPENAPI_FETCH, withOpenapiFetch(own)],
  ] as const) {
    const size = await measureBundle(packageDir, entry);
    rows.push(
      { group: "bundle", name: `${name}: min+gzip`, median: size.gzip, unit: "bytes", note: origin },
      { group: "bundle", name: `${name}: min+brotli`, median: size.brotli, unit: "bytes" },
      { group: "bundle", name: `${name}: minified`, median: size.minified, unit: "bytes" },
    );
  }

  // The target is judged on size-limit's own number when it ran: the one CI enforces.
  const enforced = checks?.find((check) => check.name === own.name);
  const measured = rows.find((row) => row.name === `${OWN_CODE}: min+gzip`)!.median!;
  return {
    rows,
    ownCode: { gzip: enforced?.size ?? measured, name: own.name },
  };
}
