// The drivers load on first use: importing the package (the audit CLI does for every
// command) loads neither, and an SQLite archive never loads pg.
import { packagesLoadedBy } from "@vbm365/test-support/package-loads";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const built = JSON.stringify(new URL("../dist/index.js", import.meta.url).href);
const here = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "vbm365-archive-drivers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the database drivers", () => {
  it("are not loaded by importing the package", async () => {
    const loaded = await packagesLoadedBy(`await import(${built});`, here);
    expect(loaded.has("kysely")).toBe(true); // the hook sees this package's own imports
    expect(loaded.has("better-sqlite3")).toBe(false);
    expect(loaded.has("pg")).toBe(false);
  });

  it("for an SQLite archive: better-sqlite3 only", async () => {
    const file = JSON.stringify(join(dir, "archive.db"));
    const loaded = await packagesLoadedBy(
      `const archive = await import(${built});\nawait (await archive.openArchiveSync(${file})).close();`,
      here,
    );
    expect(loaded.has("better-sqlite3")).toBe(true);
    expect(loaded.has("pg")).toBe(false);
  });
});
