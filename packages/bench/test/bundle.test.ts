import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureBundle, readSizeLimitConfig, runSizeLimit, withOpenapiFetch, WITH_OPENAPI_FETCH } from "../src/bundle.js";

// A package whose entry pulls a big dependency, to see `ignore` leave it out.
function fakePackage(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  mkdirSync(join(dir, "dist"));
  mkdirSync(join(dir, "node_modules", "big-dep"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fake", type: "module" }));
  writeFileSync(
    join(dir, "node_modules", "big-dep", "package.json"),
    JSON.stringify({ name: "big-dep", type: "module", main: "index.js" }),
  );
  const words = Array.from({ length: 2000 }, (_, i) => `w${(i * 7919) % 10007}`);
  writeFileSync(join(dir, "node_modules", "big-dep", "index.js"), `export const words = ${JSON.stringify(words)};`);
  writeFileSync(
    join(dir, "dist", "index.js"),
    `import { words } from "big-dep";\nexport function count() { return words.length; }\nexport function unused() { return "only when imported"; }\n`,
  );
  return dir;
}

describe("measureBundle", () => {
  it("leaves ignored packages out and compresses the minified code", async () => {
    const dir = fakePackage();
    const whole = await measureBundle(dir, { name: "whole", path: "dist/index.js" });
    const own = await measureBundle(dir, { name: "own", path: "dist/index.js", ignore: ["big-dep"] });
    expect(own.minified).toBeLessThan(200);
    expect(whole.minified).toBeGreaterThan(own.minified + 10_000);
    expect(whole.gzip).toBeLessThan(whole.minified);
    expect(whole.brotli).toBeLessThan(whole.minified);
  });

  it("bundles only what `import` names", async () => {
    const dir = fakePackage();
    const all = await measureBundle(dir, { name: "all", path: "dist/index.js", ignore: ["big-dep"] });
    const one = await measureBundle(dir, { name: "one", path: "dist/index.js", ignore: ["big-dep"], import: "{ count }" });
    expect(one.minified).toBeLessThan(all.minified);
  });

  it("applies the entry's modifyEsbuildConfig, as size-limit does", async () => {
    const dir = fakePackage();
    const entry = { name: "own", path: "dist/index.js", ignore: ["big-dep"] };
    const plain = await measureBundle(dir, entry);
    const unminified = await measureBundle(dir, { ...entry, modifyEsbuildConfig: (config) => ({ ...config, minify: false }) });
    expect(unminified.minified).toBeGreaterThan(plain.minified);
  });
});

describe("withOpenapiFetch", () => {
  it("bundles openapi-fetch into the own-code entry, keeping its other exclusions and not its budget", () => {
    const own = { name: "own", path: "dist/index.js", limit: "4 kB", ignore: ["openapi-fetch", "./tls-node.js"] };
    expect(withOpenapiFetch(own)).toEqual({ name: WITH_OPENAPI_FETCH, path: "dist/index.js", ignore: ["./tls-node.js"] });
  });
});

describe("runSizeLimit", () => {
  it("is absent for a package without size-limit installed", () => {
    expect(runSizeLimit(fakePackage())).toBeUndefined();
  });
});

describe("readSizeLimitConfig", () => {
  it("reads .size-limit.json, else the package.json field, else nothing", async () => {
    const dir = fakePackage();
    expect(await readSizeLimitConfig(dir)).toBeUndefined();
    const field = [{ name: "from package.json", path: "dist/index.js" }];
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fake", "size-limit": field }));
    expect(await readSizeLimitConfig(dir)).toEqual(field);
    const file = [{ name: "from file", path: "dist/index.js", limit: "4 kB" }];
    writeFileSync(join(dir, ".size-limit.json"), JSON.stringify(file));
    expect(await readSizeLimitConfig(dir)).toEqual(file);
  });

  it("reads a .size-limit.mjs module", async () => {
    const dir = fakePackage();
    writeFileSync(join(dir, ".size-limit.mjs"), `export default [{ name: "from module", path: "dist/index.js", ignore: ["big-dep"] }];`);
    expect(await readSizeLimitConfig(dir)).toEqual([{ name: "from module", path: "dist/index.js", ignore: ["big-dep"] }]);
  });
});
