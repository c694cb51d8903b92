// The core must load in a browser: nothing reachable from the entry through static imports
// may be Node-only. Node parts (the `ca` transport) load through a dynamic import only.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = join(dirname(fileURLToPath(import.meta.url)), "../src");

function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  // `import type` is erased at build time; only value imports and re-exports load code.
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((match) => match[1]!);
}

describe("browser path", () => {
  it("reaches no node: module or undici through static imports from index.ts", () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of staticImports(file)) {
        if (specifier.startsWith(".")) visit(join(dirname(file), specifier.replace(/\.js$/, ".ts")));
        else external.add(specifier);
      }
    };
    visit(join(src, "index.ts"));

    expect([...external]).toEqual(["openapi-fetch"]);
    expect([...seen].some((file) => file.endsWith("tls.ts"))).toBe(true);
    expect([...seen].some((file) => file.endsWith("tls-node.ts"))).toBe(false);
  });
});
