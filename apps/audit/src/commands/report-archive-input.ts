// `report --archive` with the report document: the input comes from the archive's
// sessionsWithEvents (each session with its events, in the shape @vbm365/report reads), named
// by the server names the syncs gave them, instead of a walk of the live server.
import type { ApiVersion } from "@vbm365/client";
import type { ReportInput } from "@vbm365/report";
import { archivedServers, archiveFailure, openArchiveReader } from "../archive-source.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { SessionSelection, Values } from "./common.js";

export interface ReportDocumentInput {
  inputs: AsyncIterable<ReportInput>;
  /** The REST API version each server spoke, for the header and the needs-v8 notes. */
  serverVersions: ReadonlyMap<string, ApiVersion>;
  /** How the report was made, for its header. */
  how: string;
}

const VERSIONS = new Set<string>(["v6", "v7", "v8"]);

export async function archiveReportInput(ctx: CliContext, values: Values, selection: SessionSelection): Promise<ReportDocumentInput> {
  if (values.url !== undefined) throw new UsageError("--url and --archive exclude each other: the archive is read instead of a server");
  // The archive lists newest first by start time: another order would need sorting it all.
  if (selection.v8.query.orderAsc === true || selection.v8.query.orderBy === "EndTime") {
    throw new UsageError("--asc and --sort endTime are not available with --archive, which lists newest first by start time: drop them");
  }
  const servers = archivedServers(values);
  const reader = await openArchiveReader(values, ctx);
  const statuses = await guarded(() => reader.status());
  const serverVersions = new Map(
    statuses
      .filter((status) => (servers === undefined || servers.includes(status.server)) && VERSIONS.has(status.apiVersion ?? ""))
      .map((status) => [status.server, status.apiVersion as ApiVersion]),
  );
  const window = {
    ...(servers ? { servers } : {}),
    ...(selection.window.from ? { from: selection.window.fromIso ?? selection.window.from.toISOString() } : {}),
    ...(selection.window.to ? { to: selection.window.toIso ?? selection.window.to.toISOString() } : {}),
  };
  async function* inputs(): AsyncGenerator<ReportInput> {
    try {
      for await (const { server, session, events } of reader.sessionsWithEvents(window)) {
        // The same local checks as a live walk: window, filters and the v8 end-time window.
        if (selection.matches(session)) yield { server, session, events };
      }
    } catch (error) {
      throw archiveFailure(error);
    }
  }
  return { inputs: inputs(), serverVersions, how: `vbm365-audit report from the restore archive ${reader.location.label}` };
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw archiveFailure(error);
  }
}
