// Finds the relative links of a Markdown text that point at nothing: a missing file, or a
// heading anchor that the target file does not have. Links to the web are not followed
// (the tests talk to loopback only).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  reason: string;
}

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line.raw);
    if (!heading?.[1]) continue;
    const slug = headingSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

// Lines outside fenced code blocks, with inline code removed: a link shown as code is an
// example, not a link.
function* proseLines(markdown: string): Generator<{ raw: string; text: string; number: number }> {
  let fence: string | undefined;
  const lines = markdown.split("\n");
  for (const [index, line] of lines.entries()) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence === undefined) yield { raw: line, text: line.replace(/`[^`]*`/g, ""), number: index + 1 };
  }
}

export function brokenLinks(file: string, markdown = readFileSync(file, "utf8")): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const line of proseLines(markdown)) {
    for (const match of line.text.matchAll(LINK)) {
      const target = match[1] ?? "";
      if (EXTERNAL.test(target)) continue;
      const reason = whyBroken(file, markdown, target);
      if (reason) broken.push({ file, line: line.number, target, reason });
    }
  }
  return broken;
}

function whyBroken(file: string, markdown: string, target: string): string | undefined {
  const [pathPart = "", anchor] = target.split("#", 2);
  const path = pathPart === "" ? file : resolve(dirname(file), decodeURIComponent(pathPart));
  if (path !== file && !existsSync(path)) return "no such file";
  if (anchor === undefined || anchor === "") return undefined;
  if (path !== file && (statSync(path).isDirectory() || !path.endsWith(".md"))) return undefined;
  const text = path === file ? markdown : readFileSync(path, "utf8");
  return headingAnchors(text).has(anchor.toLowerCase()) ? undefined : `no heading #${anchor}`;
}
