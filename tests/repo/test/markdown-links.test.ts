import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { brokenLinks, headingAnchors } from "./markdown-links.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

// Tracked files and new ones git does not ignore: what a fresh clone will have.
function markdownFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", "*.md"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return listed
    .split("\n")
    .filter((path) => path !== "" && !path.includes("node_modules/"))
    .map((path) => join(ROOT, path));
}

describe("relative links in the repository's Markdown", () => {
  const files = markdownFiles();

  it("finds the READMEs it is meant to check", () => {
    const names = files.map((file) => file.slice(ROOT.length));
    expect(names).toEqual(expect.arrayContaining(["README.md", "CONTRIBUTING.md", "docs/architecture.md"]));
  });

  it.each(files.map((file) => [file.slice(ROOT.length), file]))("%s: every relative link resolves", (_name, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});

describe("the link checker", () => {
  const dir = mkdtempSync(join(tmpdir(), "vbm365-links-"));
  writeFileSync(join(dir, "other.md"), "# Other page\n\n## Second `part`!\n");

  it("reports a missing file and a missing heading, with the line", () => {
    const page = join(dir, "page.md");
    const text = "# Page\n\nSee [gone](missing.md) and [other](other.md#nowhere).\n";
    expect(brokenLinks(page, text)).toEqual([
      { file: page, line: 3, target: "missing.md", reason: "no such file" },
      { file: page, line: 3, target: "other.md#nowhere", reason: "no heading #nowhere" },
    ]);
  });

  it("accepts existing files and headings, and ignores web links and code", () => {
    const page = join(dir, "page.md");
    const text = [
      "# Page",
      "[other](other.md#second-part) [self](#page) [web](https://example.com/x.md)",
      "`[code](nothing.md)`",
      "```md",
      "[fenced](nothing.md)",
      "```",
    ].join("\n");
    expect(brokenLinks(page, text)).toEqual([]);
  });

  it("numbers repeated headings as GitHub does", () => {
    expect([...headingAnchors("# A\n## A\n## B c")]).toEqual(["a", "a-1", "b-c"]);
  });
});
