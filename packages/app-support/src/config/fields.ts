// The small value types of the file: server names, URLs, API versions, durations, tags.
import type { ApiVersionOption } from "@vbm365/client";
import { parseApiVersion, parseServerUrl } from "../env.js";
import type { Complain } from "../settings-error.js";
import { parseDuration } from "../windows.js";
import { configError } from "./errors.js";
import type { Located, YamlReader } from "./yaml-reader.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const TAG_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export function serverName(text: Located<string>): string {
  if (!NAME.test(text.value))
    throw configError(
      text.place,
      `'${text.value.slice(0, 40)}' is not a usable name: letters, digits, '.', '_' and '-', at most 63, starting with a letter or digit`,
    );
  return text.value;
}

/** The server root: http(s), no user name or password, no query, no trailing slash (app-support's one check). */
export function serverUrl(text: Located<string>): string {
  return parseServerUrl(text.value, locatedAt(text), "use the username and password fields (a password reference) instead");
}

export function apiVersion(text: Located<string>): ApiVersionOption {
  return parseApiVersion(text.value, locatedAt(text));
}

/** `30s`, `5m`, `1h`: how long one server may take for a whole command. */
export function duration(text: Located<string>): number {
  return parseDuration(text.value, locatedAt(text), { minMs: 100, maxMs: 86_400_000, text: "from 100ms to 24h, such as 30s, 5m or 1h" });
}

/** The shared checks' messages, said at the field's place in the file. */
function locatedAt(text: Located<string>): Complain {
  return (problem) => configError(text.place, problem);
}

export function tags(reader: YamlReader, field: string, node: unknown): Record<string, string> {
  if (node === null || node === undefined) return {};
  const result: Record<string, string> = {};
  // Tag keys are the user's own words: any key that fits the pattern is accepted.
  for (const [key, pair] of reader.map(field, node, "any")) {
    if (!TAG_KEY.test(key)) throw reader.error(`${field}.${key}`, pair.key, "tag names are letters, digits, '.', '_' and '-'");
    const value = reader.string(`${field}.${key}`, pair.value).value;
    if (value.includes(",") || value.includes("="))
      throw reader.error(`${field}.${key}`, pair.value, "a tag value may not contain ',' or '='");
    result[key] = value;
  }
  return result;
}
