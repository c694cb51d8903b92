// Copies the split spec into a temporary folder so a test can break it on purpose without
// touching the real files.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

export const specRoot = fileURLToPath(new URL("..", import.meta.url));
const specParts = ["openapi.yaml", "description.md", "redocly.yaml", "paths", "components", "plugins", "versions"];

export function copySpec() {
  const dir = mkdtempSync(join(tmpdir(), "vbm365-spec-"));
  for (const part of specParts) cpSync(join(specRoot, part), join(dir, part), { recursive: true });
  return {
    dir,
    /** Parses a YAML file of the copy, lets `change` edit it in place, writes it back. */
    edit(file: string, change: (document: any) => void) {
      const path = join(dir, file);
      const document = parse(readFileSync(path, "utf8"));
      change(document);
      writeFileSync(path, stringify(document));
    },
    write(file: string, text: string) {
      writeFileSync(join(dir, file), text);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
