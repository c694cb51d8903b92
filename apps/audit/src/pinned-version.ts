// With a pinned REST API version (--api-version v8, VBM365_API_VERSION=v8) the client asks
// nothing first, so a server that does not serve that version answers the first call with a
// 404: on the session list or the token path that can only mean "no such version" (a served
// list never 404s), on a per-session path it may also mean "no such session". Left to the
// generic 404 text, every command would say "has no such restore session", which sends the
// user looking for a session id when the fix is the version.
import { classifyError } from "@vbm365/app-support";
import type { ApiVersion } from "@vbm365/client";
import type { VersionChoice } from "./api-version.js";
import { redactUrl } from "./connection.js";
import { UsageError } from "./errors.js";

const ORDER: readonly ApiVersion[] = ["v6", "v7", "v8"];

/** The newest version the server serves (the client's anonymous probe), or "none". */
export type NewestServed = () => Promise<ApiVersion | "none">;

export interface PinnedGuard {
  call<T>(run: () => Promise<T>): Promise<T>;
  iterate<T>(items: AsyncIterable<T>): AsyncIterable<T>;
}

/** A 404's path, and whether it is one every served version has (the session list, the token path). */
function notFound(error: unknown): { path: string; versionRoot: boolean } | undefined {
  const problem = classifyError(error);
  if (problem.kind === "versionNotServed") return { path: problem.path, versionRoot: true };
  if (problem.kind === "noSuchSession") return { path: problem.path, versionRoot: false };
  return undefined;
}

/**
 * Whether a 404 means the pinned version is not served: always on the list or token path; on
 * a session's own path only when the server's newest version is older than the pin.
 */
async function versionMissing(
  versionRoot: boolean,
  pinned: ApiVersion,
  newestServed: NewestServed,
): Promise<ApiVersion | "none" | "unknown" | false> {
  if (versionRoot) return newestServed().catch(() => "unknown" as const);
  const newest = await newestServed().catch(() => undefined);
  if (newest === "none") return newest;
  return newest !== undefined && ORDER.indexOf(newest) < ORDER.indexOf(pinned) ? newest : false;
}

/**
 * A usage error (exit 64), as for a v8-only flag on an older server: the command line asks for
 * a version this server cannot speak, and only changing it helps (retrying later would not).
 */
function versionError(
  pinned: ApiVersion,
  choice: VersionChoice,
  server: string,
  path: string,
  newest: ApiVersion | "none" | "unknown",
): UsageError {
  const serves = newest === "none" ? "it serves none of v8, v7 and v6" : newest === "unknown" ? "" : `it serves ${newest} at most`;
  const answered = `${path} answered HTTP 404${serves ? `; ${serves}` : ""}`;
  return new UsageError(
    `${redactUrl(server)} does not serve REST API ${pinned}, which ${choice.source} pins (${answered}): use --api-version auto to speak the newest version it serves`,
  );
}

export function pinnedVersionGuard(pinned: ApiVersion, choice: VersionChoice, server: string, newestServed: NewestServed): PinnedGuard {
  // Asked at most once, and only after a 404.
  let newest: Promise<ApiVersion | "none"> | undefined;
  const probe: NewestServed = () => (newest ??= newestServed());
  const explain = async (error: unknown): Promise<unknown> => {
    const missingPath = choice.option === "auto" ? undefined : notFound(error);
    if (missingPath === undefined) return error;
    const missing = await versionMissing(missingPath.versionRoot, pinned, probe);
    return missing === false ? error : versionError(pinned, choice, server, missingPath.path, missing);
  };
  return {
    async call(run) {
      try {
        return await run();
      } catch (error) {
        throw await explain(error);
      }
    },
    async *iterate(items) {
      try {
        yield* items;
      } catch (error) {
        throw await explain(error);
      }
    },
  };
}
