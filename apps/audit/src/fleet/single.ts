// events and stop with --server NAME: one configured server instead of VBM365_URL.
import type { CliContext } from "../context.js";
import type { AuditApi } from "../api.js";
import { UsageError } from "../errors.js";
import { connectServer } from "./connect-server.js";
import { planFleet } from "./fleet-servers.js";

type Values = Record<string, string | boolean | string[] | undefined>;

export async function connectConfigured(ctx: CliContext, values: Values, v8Flags: readonly string[]): Promise<AuditApi> {
  if (values.url !== undefined)
    throw new UsageError("--url and the configured servers (--config, --server, --tag, --all-servers) cannot be combined: pick one");
  const { servers } = planFleet(ctx, values, { everyByDefault: false });
  if (servers.length !== 1) {
    throw new UsageError(
      `this command works on one server, and the selection has ${servers.length} (${servers.map((s) => s.name).join(", ")}): name one with --server NAME`,
    );
  }
  const server = servers[0]!;
  ctx.server = server.baseUrl;
  // No deadline: a single server's calls keep the client's own timeouts, as with VBM365_URL.
  return (await connectServer(ctx, server, values, { signal: new AbortController().signal, v8Flags })).api;
}
