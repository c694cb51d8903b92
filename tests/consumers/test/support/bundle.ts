// The scratch app's browser page, bundled the way apps do: esbuild with platform browser,
// and Vite's production build. Both hand back what they complained about and which
// modules went in, so a test can see a Node built-in or undici slip into a browser bundle.
import { build as esbuild } from "esbuild";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build as viteBuild, createLogger, type Rollup } from "vite";

export interface Bundle {
  /** Folder with index.html and the scripts. */
  dir: string;
  errors: string[];
  warnings: string[];
  /** Every module that went into the bundle, as a path or specifier. */
  modules: string[];
  /** The JavaScript written, all files together. */
  code: string;
}

function javascriptIn(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(join(dir, file), "utf8"))
    .join("\n");
}

export async function bundleWithEsbuild(app: string, outDir: string): Promise<Bundle> {
  const page = join(app, "browser");
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild({
    entryPoints: [join(page, "main.ts")],
    outdir: outDir,
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    metafile: true,
    logLevel: "silent",
  }).catch((failure: { errors?: { text: string }[]; warnings?: { text: string }[] }) => ({
    errors: failure.errors ?? [{ text: String(failure) }],
    warnings: failure.warnings ?? [],
    metafile: { inputs: {} },
  }));
  writeFileSync(join(outDir, "index.html"), readFileSync(join(page, "index.html"), "utf8").replace("./main.ts", "./main.js"));
  return {
    dir: outDir,
    errors: result.errors.map((message) => message.text),
    warnings: result.warnings.map((message) => message.text),
    modules: Object.keys(result.metafile?.inputs ?? {}),
    code: javascriptIn(outDir),
  };
}

export async function bundleWithVite(app: string, outDir: string): Promise<Bundle> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger = createLogger("warn", { allowClearScreen: false });
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  logger.error = (message) => void errors.push(message);
  const output = await viteBuild({
    root: join(app, "browser"),
    base: "./",
    configFile: false,
    envDir: false,
    logLevel: "warn",
    customLogger: logger,
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  }).catch((failure: unknown) => {
    errors.push(String(failure));
    return [];
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((each) => each.output ?? []).filter((file): file is Rollup.OutputChunk => file.type === "chunk");
  return { dir: outDir, errors, warnings, modules: chunks.flatMap((chunk) => chunk.moduleIds), code: javascriptIn(outDir) };
}

/** Module specifiers a browser must never load: Node built-ins and undici. */
export function nodeOnlyImports(code: string): string[] {
  return [...code.matchAll(/["'`](node:[\w/]+|undici(?:\/[\w/.-]*)?)["'`]/g)].map((match) => match[1]!);
}
