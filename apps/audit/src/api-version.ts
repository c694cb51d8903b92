// Which REST API version the CLI speaks: --api-version, else VBM365_API_VERSION, else "auto"
// (the newest the server serves, asked once by the client). Flags only v8 servers understand
// are refused on an older version: such a server would ignore them and answer as if they had
// not been given, which would be a silently wrong listing.
import { parseApiVersion } from "@vbm365/app-support";
import type { ApiVersion, ApiVersionOption } from "@vbm365/client";
import { redactUrl } from "./connection.js";
import { UsageError } from "./errors.js";

export interface VersionChoice {
  option: ApiVersionOption;
  /** Where the option came from, for messages. */
  source: "--api-version" | "VBM365_API_VERSION" | "default" | "the configuration file";
}

export function resolveApiVersion(flag: string | undefined, env: NodeJS.ProcessEnv): VersionChoice {
  // An empty variable (an unfilled template) means the default, as for VBM365_TOKEN.
  const fromEnv = env.VBM365_API_VERSION || undefined;
  const [text, source] =
    flag !== undefined
      ? [flag, "--api-version" as const]
      : fromEnv !== undefined
        ? [fromEnv, "VBM365_API_VERSION" as const]
        : ["auto", "default" as const];
  return { option: parseApiVersion(text, source), source };
}

/** "REST API v8 (auto: the newest https://vbm:4443 serves)" or "REST API v7 (pinned by --api-version)". */
export function describeVersion(version: ApiVersion, choice: VersionChoice, server: string): string {
  return choice.option === "auto"
    ? `REST API ${version} (auto: the newest ${redactUrl(server)} serves)`
    : `REST API ${version} (pinned by ${choice.source})`;
}

/**
 * Refuses `flags` (the v8-only flags given) unless the version is v8. With a pinned version this
 * runs before connecting; with "auto" once the server has said what it serves.
 */
export function requireV8Flags(
  flags: readonly string[],
  version: ApiVersion | "auto",
  choice: VersionChoice,
  server: string | undefined,
): void {
  if (flags.length === 0 || version === "v8" || version === "auto") return;
  const named = flags.length === 1 ? `${flags[0]} needs` : `${flags.join(", ")} need`;
  const why =
    choice.option === "auto"
      ? `${server ? redactUrl(server) : "the server"} speaks ${version} at most: drop ${flags.length === 1 ? "it" : "them"}, or use a VBM365 8 server`
      : `${choice.source} pins ${version}: use --api-version v8 (or auto) with a server that speaks v8`;
  throw new UsageError(`${named} REST API v8, and ${why}`);
}
