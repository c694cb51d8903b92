// What a tarball holds, read the way npm would: its file list and its package.json.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { runOrThrow } from "./run.js";

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  engines?: { node?: string };
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  imports?: unknown;
  files?: string[];
}

/** Paths inside the package (without the leading `package/`). */
export async function filesIn(tarball: string): Promise<string[]> {
  const { stdout } = await runOrThrow("tar", ["-tzf", tarball], { cwd: "/" });
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ""));
}

export async function unpack(tarball: string, into: string): Promise<string> {
  mkdirSync(into, { recursive: true });
  await runOrThrow("tar", ["-xzf", tarball, "-C", into], { cwd: "/" });
  return join(into, "package");
}

/** Every relative file a manifest points at: main, types, bin, and every exports/imports target. */
export function filesNamedBy(manifest: Manifest): string[] {
  const targets: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") targets.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk([manifest.main, manifest.types, manifest.bin, manifest.exports, manifest.imports]);
  return [
    ...new Set(targets.filter((target) => target.startsWith("./") || !target.includes(":")).map((target) => target.replace(/^\.\//, ""))),
  ];
}
