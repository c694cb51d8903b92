// `vbm365-audit servers`: what the configuration file says, and with --test whether each
// server answers: it logs in, and one more authenticated request is timed as the round trip.
import { formatMs, runFleet, type ServerSettings } from "@vbm365/app-support";
import { resolveFormat, str, tableWidth, type Values } from "../commands/common.js";
import type { CliContext } from "../context.js";
import type { AuditApi } from "../api.js";
import { EXIT } from "../exit-codes.js";
import { openOutput, writeRows } from "../output/write.js";
import type { Row, RowShape } from "../output/types.js";
import { useColor } from "../terminal.js";
import { connectServer } from "./connect-server.js";
import { failuresOf, fleetExitCode, reportFailures } from "./failures.js";
import { planFleet } from "./fleet-servers.js";

const LISTED: RowShape = {
  columns: ["server", "url", "apiVersion", "tags", "login", "caFile"],
  tableColumns: ["server", "url", "apiVersion", "tags", "login"],
  keepWhole: ["server"],
};

const TESTED: RowShape = {
  columns: [...LISTED.columns, "status", "version", "roundTripMs", "reason", "message"],
  tableColumns: ["server", "url", "status", "version", "roundTripMs", "reason"],
  keepWhole: ["server", "status"],
};

function listedRow(server: ServerSettings): Row {
  return {
    server: server.name,
    url: server.baseUrl,
    apiVersion: server.apiVersion,
    tags: Object.entries(server.tags)
      .map(([key, value]) => `${key}=${value}`)
      .join(","),
    // How it logs in, never with what: the user name is no secret, the password and token are.
    login: server.credentials.kind === "token" ? "token" : `user ${server.credentials.username}`,
    caFile: server.caFile ?? null,
  };
}

export async function serversCommand(ctx: CliContext, values: Values): Promise<number> {
  const format = resolveFormat(values, ctx);
  const plan = planFleet(ctx, values, { everyByDefault: true });
  const test = values.test === true;
  let rows: Row[] = plan.servers.map(listedRow);
  let exitCode: number = EXIT.ok;
  if (test) {
    const results = await runFleet(plan.servers, plan, async (server, signal) => {
      const { api, version } = await connectServer(ctx, server, values, { signal });
      await firstSession(api); // logs in
      const started = performance.now();
      await firstSession(api);
      return { version, roundTripMs: Math.round(performance.now() - started) };
    });
    const failures = failuresOf(results, ctx);
    reportFailures(failures, ctx);
    rows = results.map((result, index) => {
      const listed = rows[index]!;
      if (result.ok)
        return {
          ...listed,
          status: "ok",
          version: result.value.version,
          roundTripMs: result.value.roundTripMs,
          reason: null,
          message: null,
        };
      const failure = failures.find((candidate) => candidate.server === result.server.name)!;
      return {
        ...listed,
        status: "failed",
        version: null,
        roundTripMs: null,
        reason: failure.reason,
        message: `${failure.message} (after ${formatMs(result.ms)})`,
      };
    });
    exitCode = fleetExitCode(results, failures);
  }
  const out = str(values, "out");
  await writeRows(
    (async function* () {
      yield* rows;
    })(),
    {
      format,
      shape: test ? TESTED : LISTED,
      target: await openOutput(out, ctx.stdout),
      color: out === undefined && useColor(ctx.stdout, ctx.env),
      csvRaw: values["csv-raw"] === true,
      tableWidth: out === undefined ? tableWidth(ctx) : undefined,
    },
  );
  return exitCode;
}

/** One authenticated request: the first page of one session (or none). */
async function firstSession(api: AuditApi): Promise<void> {
  for await (const _ of api.sessions({ pageSize: 1 })) return;
}
