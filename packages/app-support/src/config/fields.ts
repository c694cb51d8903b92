// The small value types of the file: server names, URLs, API versions, durations, tags.
import type { ApiVersionOption } from "@vbm365/client";
import { configError } from "./errors.js";
import type { Located, YamlReader } from "./yaml-reader.js";

export const API_VERSIONS: readonly ApiVersionOption[] = ["auto", "v6", "v7", "v8"];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const TAG_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export function serverName(text: Located<string>): string {
  if (!NAME.test(text.value)) throw configError(text.place, `'${text.value.slice(0, 40)}' is not a usable name: letters, digits, '.', '_' and '-', at most 63, starting with a letter or digit`);
  return text.value;
}

/** The server root: http(s), no user name or password, no trailing slash. */
export function serverUrl(text: Located<string>): string {
  let url: URL;
  try {
    url = new URL(text.value);
  } catch {
    throw configError(text.place, "is not a URL: use the server root, such as https://vbm.example:4443");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw configError(text.place, "must start with https:// (or http://), such as https://vbm.example:4443");
  if (url.username || url.password) throw configError(text.place, "must not hold a user name or password: use the username and password fields (a password reference) instead");
  if (url.search || url.hash) throw configError(text.place, "must be the server root, without ?query or #fragment");
  return url.origin + url.pathname.replace(/\/+$/, "");
}

export function apiVersion(text: Located<string>): ApiVersionOption {
  const found = API_VERSIONS.find((version) => version === text.value.toLowerCase());
  if (!found) throw configError(text.place, `'${text.value.slice(0, 20)}' is not known: use ${API_VERSIONS.join(", ")} (default auto)`);
  return found;
}

const UNIT_MS = new Map([["ms", 1], ["s", 1000], ["m", 60_000], ["h", 3_600_000]]);

/** `30s`, `5m`, `1h`: how long one server may take for a whole command. */
export function duration(text: Located<string>): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text.value);
  const ms = match ? Number(match[1]) * UNIT_MS.get(match[2]!)! : NaN;
  if (!(ms >= 100 && ms <= 86_400_000)) throw configError(text.place, `'${text.value.slice(0, 20)}' is not a duration from 100ms to 24h, such as 30s, 5m or 1h`);
  return ms;
}

export function tags(reader: YamlReader, field: string, node: unknown): Record<string, string> {
  if (node === null || node === undefined) return {};
  const result: Record<string, string> = {};
  // Tag keys are the user's own words: any key that fits the pattern is accepted.
  for (const [key, pair] of reader.map(field, node, "any")) {
    if (!TAG_KEY.test(key)) throw reader.error(`${field}.${key}`, pair.key, "tag names are letters, digits, '.', '_' and '-'");
    const value = reader.string(`${field}.${key}`, pair.value).value;
    if (value.includes(",") || value.includes("=")) throw reader.error(`${field}.${key}`, pair.value, "a tag value may not contain ',' or '='");
    result[key] = value;
  }
  return result;
}
