// The client reference (TypeDoc, dist/client/): built beside the REST reference, reached
// from the version switch, offline, and refused when an export has no doc comment.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Application, Logger, LogLevel } from "typedoc";
import { describe, expect, it } from "vitest";
import siteOptions from "../typedoc.config.mjs";

const docs = fileURLToPath(new URL("..", import.meta.url));
const clientIndex = join(docs, "dist/client/index.html");

/** What TypeDoc, with the site's own settings, warns about on other entry points. */
async function typedocWarnings(entryPoint: string, tsconfig: string): Promise<string[]> {
  const warnings: string[] = [];
  const app = await Application.bootstrapWithPlugins(
    { ...siteOptions, entryPoints: [join(docs, entryPoint)], tsconfig: join(docs, tsconfig) },
    [],
  );
  app.logger = new (class extends Logger {
    override log(message: string, level: LogLevel) {
      if (level >= LogLevel.Warn) warnings.push(message);
    }
  })();
  const project = await app.convert();
  if (project) app.validate(project);
  return warnings;
}

/** Every page of the reference, as text. */
function referencePages(): Map<string, string> {
  const files = readdirSync(join(docs, "dist/client"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
  return new Map(files.map((file) => [file, readFileSync(join(docs, "dist/client", file), "utf8")]));
}

describe("the client reference", () => {
  it("fails on an export without a doc comment, naming it (warnings are errors in the build)", async () => {
    const warnings = await typedocWarnings("test/fixtures/undocumented/index.ts", "test/fixtures/undocumented/tsconfig.json");
    expect(siteOptions.treatWarningsAsErrors).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/^leftUndocumented \(CallSignature\).*does not have any documentation/)]);
  });

  it("is built into dist/client/ with a page for the client's calls and the shared modules", () => {
    expect(existsSync(clientIndex), "run `pnpm --filter @vbm365/docs build` first").toBe(true);
    const all = [...referencePages().values()].join("\n");
    for (const name of ["createVbm365Client", "Vbm365ApiError", "parseIsoDateTime", "redactText", "OPERATION_PATHS", "ANSWER_FIELDS"])
      expect(all).toContain(name);
  });

  it("makes no request beyond its own host, and links back to the REST reference", () => {
    const pages = referencePages();
    expect(pages.size).toBeGreaterThan(10);
    for (const [page, html] of pages) expect(html, page).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
    expect(readFileSync(clientIndex, "utf8")).toContain('href="../index.html"');
  });

  it("is linked from the version switch of every REST page", () => {
    expect(readFileSync(join(docs, "dist/index.html"), "utf8")).toContain('<a href="client/index.html">client</a>');
    expect(readFileSync(join(docs, "dist/v8/index.html"), "utf8")).toContain('<a href="../client/index.html">client</a>');
  });
});
