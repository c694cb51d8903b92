// Which REST API version the client speaks: the one given, or with "auto" the newest the
// server serves, asked once and kept for the client's life (never switched silently later).
import { Vbm365ApiError, Vbm365ValidationError } from "./errors.js";

/** A REST API version the spec describes. */
export type ApiVersion = "v6" | "v7" | "v8";
/** What `apiVersion` takes: a version, or "auto" for the newest the server serves (asked once). */
export type ApiVersionOption = ApiVersion | "auto";

/** Newest first: the first the server serves wins. */
const NEWEST_FIRST: readonly ApiVersion[] = ["v8", "v7", "v6"];

/** A path of the spec (`/v6/RestoreSessions/...`, any version) for `version`. */
export function atVersion(path: string, version: ApiVersion): string {
  return path.replace(/^\/v\d+\//, `/${version}/`);
}

/**
 * The version every call uses. For "auto", `serves(version)` is asked newest first (an
 * anonymous request: 401 means served, 404 means not); a failed probe is asked again on the
 * next call, an answer is kept.
 */
export function versionOf(option: ApiVersionOption, serves: (version: ApiVersion) => Promise<boolean>): () => Promise<ApiVersion> {
  if (option !== "auto") {
    const fixed = Promise.resolve(option);
    return () => fixed;
  }
  let found: Promise<ApiVersion> | undefined;
  return () => {
    found ??= newestServed(serves).catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  };
}

async function newestServed(serves: (version: ApiVersion) => Promise<boolean>): Promise<ApiVersion> {
  for (const version of NEWEST_FIRST) {
    if (await serves(version)) return version;
  }
  throw new Vbm365ApiError({
    method: "GET",
    path: "/v6/RestoreSessions",
    status: 404,
    body: undefined,
    detail: "the server serves none of the REST API versions v8, v7 and v6: check baseUrl, or set apiVersion",
  });
}

/** A feature only v8 has is refused (before any request) when the client speaks an older version. */
export async function requireV8(feature: string, value: unknown, version: () => Promise<ApiVersion>): Promise<void> {
  const speaking = await version();
  if (speaking !== "v8") {
    throw new Vbm365ValidationError(
      feature,
      value,
      `needs REST API v8, and the client speaks ${speaking} with this server: an older server would ignore it`,
    );
  }
}
