// The client, reduced to what this tool uses.
import { classifyError } from "@vbm365/app-support";
import {
  createVbm365Client,
  type ApiVersion,
  type ApiVersionOption,
  type RestoreSession,
  type RestoreSessionEvent,
  type RestoreSessionV8Filter,
  type RestoreStatistics,
  type Vbm365Client,
} from "@vbm365/client";
import { describeVersion, requireV8Flags, resolveApiVersion } from "./api-version.js";
import { redactUrl, resolveConnection } from "./connection.js";
import { wantsFleet } from "./fleet/options.js";
import { connectConfigured } from "./fleet/single.js";
import type { CliContext } from "./context.js";
import { CliError } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import { pinnedVersionGuard, type PinnedGuard } from "./pinned-version.js";
import { checkedEvent, checkedItems, checkedSession, checkedStatistics } from "./shape.js";

export type SessionQuery = { startTimeFrom?: string; startTimeTo?: string; pageSize?: number } & RestoreSessionV8Filter;

export interface AuditApi {
  /** The REST API version spoken with this server (asked once with --api-version auto). */
  version: ApiVersion;
  sessions(query: SessionQuery): AsyncIterable<RestoreSession>;
  events(sessionId: string): AsyncIterable<RestoreSessionEvent>;
  /** v8 only: what the server counted for the session. */
  statistics(sessionId: string): Promise<RestoreStatistics>;
  get(sessionId: string): Promise<RestoreSession>;
  stop(sessionId: string): Promise<void>;
}

export interface ConnectOptions {
  /** Whether a missing VBM365_URL may fall back to the local mock (never for `check`). */
  mock?: boolean;
  /** The v8-only flags given (`--sort`, ...): refused unless the server speaks v8. */
  v8Flags?: readonly string[];
}

export async function connect(
  ctx: CliContext,
  values: Record<string, string | boolean | string[] | undefined>,
  options: ConnectOptions = {},
): Promise<AuditApi> {
  const { mock = true, v8Flags = [] } = options;
  if (wantsFleet(values)) return connectConfigured(ctx, values, v8Flags);
  const choice = resolveApiVersion(values["api-version"] as string | undefined, ctx.env);
  // A pinned older version fails before any prompt or request.
  requireV8Flags(v8Flags, choice.option, choice, undefined);
  const settings = await resolveConnection(values.url as string | undefined, { value: choice.option, source: choice.source }, ctx, {
    mock,
  });
  ctx.secrets.push(...settings.secrets);
  const server = settings.client.baseUrl;
  ctx.server = server;
  // One object serves every version: a v8 call on an older server is refused by the client
  // before any request, and the CLI refuses the flags that would need one first (below).
  const clientOf = <V extends ApiVersionOption>(apiVersion: V) => createVbm365Client({ ...settings.client, apiVersion });
  const client = clientOf(choice.option) as Vbm365Client<"auto">;
  const version = await versionOf(client, server);
  if (values.debug === true) ctx.stderr.write(`vbm365-audit: ${describeVersion(version, choice, server)}\n`);
  requireV8Flags(v8Flags, version, choice, server);

  // A pinned version's 404 is asked about once (what does the server serve?) before it is
  // reported as a missing session: see pinned-version.ts.
  const guard = pinnedVersionGuard(version, choice, server, () => newestServed(clientOf("auto")));
  return auditApiOf(client, version, guard);
}

/** The calls this tool makes, over a client whose version is known, each answer checked. */
export function auditApiOf(client: Vbm365Client<"auto">, version: ApiVersion, guard: PinnedGuard): AuditApi {
  const sessions = client.restoreSessions;
  return {
    version,
    sessions: (query) => checkedItems(guard.iterate(sessions.iterate(query)), checkedSession, "restore session list"),
    // A session has few events: one big page is usually one request per session.
    events: (id) => checkedItems(guard.iterate(sessions.events(id, { pageSize: 1000 })), checkedEvent, "restore session event list"),
    statistics: async (id) => checkedStatistics(await guard.call(() => sessions.statistics(id))),
    get: async (id) => checkedSession(await guard.call(() => sessions.get(id))),
    stop: (id) =>
      guard.call(async () => {
        await sessions.stop(id);
      }),
  };
}

/** The client's anonymous probe (newest first); "none" when every version answered 404. */
export async function newestServed(client: Vbm365Client<"auto">): Promise<ApiVersion | "none"> {
  try {
    return await client.apiVersion();
  } catch (error) {
    if (classifyError(error).kind === "versionNotServed") return "none";
    throw error;
  }
}

/** The version the client speaks; with "auto" the server is asked now, before any output is opened. */
export async function versionOf(client: Vbm365Client<"auto">, server: string): Promise<ApiVersion> {
  try {
    return await client.apiVersion();
  } catch (error) {
    // The probe's "none served" is a 404 on no session in particular: not "no such session".
    if (classifyError(error).kind === "versionNotServed") {
      throw new CliError(
        `${redactUrl(server)} serves none of the REST API versions v8, v7 and v6 (each answered 404): check that --url / VBM365_URL is the server root, such as https://vbm.example:4443`,
        EXIT.unavailable,
        { cause: error },
      );
    }
    throw error;
  }
}
