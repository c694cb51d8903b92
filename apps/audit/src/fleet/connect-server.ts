// A configured server as the AuditApi the commands use: its secret read now (only for a
// server actually asked), its CA file loaded, its client bound to the job's signal so that a
// server past its deadline stops every request, login and version probe included.
import { connectionOf, type ServerSettings } from "@vbm365/app-support";
import { createVbm365Client, type ApiVersion, type ApiVersionOption, type Vbm365Client } from "@vbm365/client";
import { auditApiOf, newestServed, versionOf, type AuditApi } from "../api.js";
import { requireV8Flags, resolveApiVersion, type VersionChoice } from "../api-version.js";
import type { CliContext } from "../context.js";
import { pinnedVersionGuard } from "../pinned-version.js";

export interface ServerConnection {
  api: AuditApi;
  version: ApiVersion;
}

export async function connectServer(
  ctx: CliContext,
  server: ServerSettings,
  values: { "api-version"?: unknown },
  options: { signal: AbortSignal; v8Flags?: readonly string[] },
): Promise<ServerConnection> {
  const flag = values["api-version"] as string | undefined;
  // --api-version pins every server alike; otherwise each server's own setting from the file.
  const choice: VersionChoice =
    flag !== undefined ? resolveApiVersion(flag, {}) : { option: server.apiVersion, source: "the configuration file" };
  const v8Flags = options.v8Flags ?? [];
  requireV8Flags(v8Flags, choice.option, choice, server.baseUrl);
  const clientOf = await serverClientFactory(ctx, server, options.signal);
  const client = clientOf(choice.option) as Vbm365Client<"auto">;
  const version = await versionOf(client, server.baseUrl);
  requireV8Flags(v8Flags, version, choice, server.baseUrl);
  const guard = pinnedVersionGuard(version, choice, server.baseUrl, () => newestServed(clientOf("auto")));
  return { api: auditApiOf(client, version, guard), version };
}

/** Clients of a configured server (its secret and CA file read once, by app-support's one reader), bound to `signal`. */
export async function serverClientFactory(ctx: CliContext, server: ServerSettings, signal: AbortSignal) {
  const connection = await connectionOf(server);
  ctx.secrets.push(...connection.secrets);
  return <V extends ApiVersionOption>(apiVersion: V) => createVbm365Client({ ...connection.options, apiVersion, signal });
}
