// Two answers that must be the same (a read sent twice, or spelled another equivalent way)
// are compared on what the contract promises, not on their bytes: the status; for a JSON
// success its data (every field, the page's offset, limit and ids, in order) with each
// `href` reduced to where it leads. A server may build its links from the request's query
// as it arrived, so a link may keep a parameter the spec does not name or the client's
// percent-encoding; neither changes the page it leads to. A refusal is compared by status
// alone: error bodies may carry a trace id or a time that differs on every call.
import type { HttpResponse } from "../http.js";
import { describeValue, redactText, type Violation } from "../violations.js";
import type { FuzzRequest } from "./requests.js";

/**
 * Where a link leads: origin and path (paths are matched case-insensitively by the
 * server), and its query decoded, names lower-cased (so are query names), sorted, and
 * without the parameters the server ignores.
 */
export function whereLinkLeads(href: string, ignored: readonly string[]): string {
  const url = new URL(href, "http://relative.invalid");
  const skip = new Set(ignored.map((name) => name.toLowerCase()));
  const pairs = [...url.searchParams].map(([k, v]) => [k.toLowerCase(), v] as const).filter(([k]) => !skip.has(k));
  pairs.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  const query = pairs.map(([k, v]) => `${k}=${v}`).join("&");
  return `${url.origin}${url.pathname.toLowerCase()}${query ? `?${query}` : ""}`;
}

/** The body with every `href` replaced by where it leads; undefined when it is not JSON. */
function promisedData(text: string, ignored: readonly string[]): { data: unknown } | undefined {
  try {
    return {
      data: JSON.parse(text, (key, value: unknown) =>
        key === "href" && typeof value === "string" ? whereLinkLeads(value, ignored) : value,
      ),
    };
  } catch {
    return undefined;
  }
}

/** The JSON pointer of the first place two values differ (object keys in any order), or undefined. */
export function firstDifference(a: unknown, b: unknown, pointer = ""): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return pointer;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const at = firstDifference(a[i], b[i], `${pointer}/${i}`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
    const at = firstDifference(ra[key], rb[key], `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    if (at !== undefined) return at;
  }
  return undefined;
}

function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split("/").slice(1))
    current = (current as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  return current;
}

/** How two answers differ in what the contract promises, or undefined when they do not. */
function difference(first: HttpResponse, second: HttpResponse, ignored: readonly string[]): string | undefined {
  if (first.status !== second.status) return `status ${first.status} then ${second.status}`;
  if (first.status < 200 || first.status >= 300) return undefined;
  const [a, b] = [promisedData(first.text, ignored), promisedData(second.text, ignored)];
  if (!a || !b) return first.text === second.text ? undefined : "bodies that are not JSON differ";
  const at = firstDifference(a.data, b.data);
  if (at === undefined) return undefined;
  const show = (data: unknown) => describeValue(JSON.parse(redactText(JSON.stringify(valueAt(data, at) ?? null))) as unknown, at);
  return `bodies differ at ${at || "the root"}: ${show(a.data)} vs ${show(b.data)}`;
}

/**
 * Two answers that must be the same in what the contract promises. `ignored` names query
 * parameters the server is expected to ignore (so links may carry them or not).
 */
export function sameAnswer(
  r: FuzzRequest,
  line: string,
  first: HttpResponse,
  second: HttpResponse,
  rule: string,
  why: string,
  ignored: readonly string[] = [],
): Violation[] {
  const differ = difference(first, second, ignored);
  if (differ === undefined) return [];
  return [
    {
      operationId: r.op.operationId,
      request: `${r.op.method} ${line}`,
      kind: "consistency",
      rule,
      pointer: "",
      expected: why,
      actual: differ,
    },
  ];
}
