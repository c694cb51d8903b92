// The report's numbers, computed in one pass over the input. Only aggregates and the first
// `tableLimit` actions are held: the input may be 100,000 sessions and a million events.
import type { ApiVersion } from "@vbm365/client";
import { actionRow, hasV8ObjectIds, isAction, restoredObject } from "./action-row.js";
import { ACTION_TYPES, SERVICES } from "./labels.js";
import { buildNotes, type DataQuality } from "./notes.js";
import { ObjectTally } from "./objects.js";
import { compileSelection } from "./selection.js";
import { Tally } from "./tally.js";
import { Timeline } from "./timeline.js";
import type { ActionRow, ReportAggregates, ReportInput, ReportOptions } from "./types.js";
import { instantMs } from "./instant.js";

export const DEFAULT_TABLE_LIMIT = 1000;
const TOP = 10;

interface ServerSeen {
  sessions: number;
  /** Whether any event from it carried the v8 object ids. */
  v8Fields: boolean;
}

/** Reads the whole input once and returns the report's aggregates. */
export async function aggregateReport(
  input: AsyncIterable<ReportInput> | Iterable<ReportInput>,
  options: ReportOptions,
): Promise<ReportAggregates> {
  const selection = options.selection ?? {};
  const keeps = compileSelection(selection);
  const tableLimit = options.tableLimit ?? DEFAULT_TABLE_LIMIT;
  const operators = new Tally();
  const objects = new ObjectTally();
  const actionTypes = new Tally();
  const services = new Tally();
  const organizations = new Tally();
  const timeline = new Timeline();
  const servers = new Map<string, ServerSeen>();
  const rows: ActionRow[] = [];
  const quality: DataQuality = {
    noInitiator: 0,
    initiatorIsOrganization: 0,
    gatewayHost: 0,
    noTime: 0,
    unknownAction: 0,
    unknownService: 0,
  };
  let sessions = 0;
  let actions = 0;
  let bytes = 0;
  let withoutSize = 0;

  for await (const { server, session, events } of input) {
    if (!keeps.session(server, session)) continue;
    let seen = servers.get(server);
    if (!seen) {
      seen = { sessions: 0, v8Fields: false };
      servers.set(server, seen);
    }
    seen.sessions++;
    sessions++;
    // What the session's fields say about the data holds for each of its actions: read once.
    const limits = sessionLimits(session.initiatedBy, session.organization, session.clientHost, session.type);
    // Operator, organization and service are the session's: summed per session, added once.
    let sessionActions = 0;
    let sessionBytes = 0;
    for (const event of events) {
      if (!isAction(event) || !keeps.action(event)) continue;
      if (!seen.v8Fields && hasV8ObjectIds(event)) seen.v8Fields = true;
      const timeMs = instantMs(event.startTime);
      const row = actionRow(server, session, event, timeMs);
      const size = row.itemSizeBytes;
      sessionActions++;
      if (size === null) withoutSize++;
      else sessionBytes += size;
      const object = restoredObject(event);
      objects.add(session.type, object.name, object.id, size ?? 0);
      actionTypes.add(row.action, 1, size ?? 0);
      if (Number.isNaN(timeMs)) quality.noTime++;
      else timeline.add(timeMs, row.action, row.service);
      if (!KNOWN_ACTIONS.has(row.action)) quality.unknownAction++;
      if (rows.length < tableLimit) rows.push(row);
      // Awaited only when it returns a promise: a file writer waiting for the disk slows the
      // walk down instead of buffering rows.
      const written = options.onAction?.(row);
      if (written) await written;
    }
    if (sessionActions > 0) {
      actions += sessionActions;
      bytes += sessionBytes;
      operators.add(session.initiatedBy ?? "(not given)", sessionActions, sessionBytes);
      services.add(session.type, sessionActions, sessionBytes);
      organizations.add(session.organization ?? "(not given)", sessionActions, sessionBytes);
      addLimits(quality, limits, sessionActions);
    }
  }

  const serverList = [...servers].map(([name, seen]) => ({
    name,
    apiVersion: versionOf(name, seen, options.serverVersions),
    sessions: seen.sessions,
  }));
  const now = options.now ?? new Date();
  return {
    schemaVersion: 1,
    generated: { at: now.toISOString(), ...options.generator },
    period: {
      from: selection.from?.toISOString() ?? null,
      to: selection.to?.toISOString() ?? null,
      firstAction: timeline.firstMs === null ? null : new Date(timeline.firstMs).toISOString(),
      lastAction: timeline.lastMs === null ? null : new Date(timeline.lastMs).toISOString(),
    },
    servers: serverList,
    organizations: organizations.all(),
    selection: {
      servers: [...(selection.servers ?? [])],
      organizations: [...(selection.organizations ?? [])],
      actionTypes: [...(selection.actionTypes ?? [])],
      services: [...(selection.services ?? [])],
    },
    totals: { sessions, actions, bytes, actionsWithoutSize: withoutSize },
    topOperatorsByActions: operators.top(TOP, "actions").map(({ key, actions, bytes }) => ({ name: key, actions, bytes })),
    topOperatorsBySize: operators.top(TOP, "bytes").map(({ key, actions, bytes }) => ({ name: key, actions, bytes })),
    topObjects: objects.top(TOP),
    byActionType: actionTypes.all(ACTION_TYPES),
    byService: services.all(SERVICES),
    timeline: timeline.buckets(),
    actions: { total: actions, shown: rows.length, rows },
    notes: buildNotes({ actions, tableLimit, shown: rows.length, withoutSize, quality, servers: serverList }),
  };
}

function versionOf(name: string, seen: ServerSeen, known: ReadonlyMap<string, ApiVersion> | undefined): string {
  const version = known?.get(name);
  if (version) return version;
  // Read from the data: v8 events carry the object ids, older ones do not. A server whose
  // sessions had no actions gives nothing to read.
  return seen.v8Fields ? "v8" : "v6 or v7 (read from the data)";
}

// A gateway address in the client host: `srv0101 (via: 127.0.0.1)`.
const VIA = /\(via:\s*[^)]*\)/i;
const KNOWN_ACTIONS = new Set<string>(ACTION_TYPES);
const KNOWN_SERVICES = new Set<string>(SERVICES);

type SessionLimits = Pick<DataQuality, "noInitiator" | "initiatorIsOrganization" | "gatewayHost" | "unknownService">;

function sessionLimits(
  initiatedBy: string | undefined,
  organization: string | undefined,
  clientHost: string | undefined,
  service: string,
): SessionLimits {
  const initiator = initiatedBy?.trim() ?? "";
  return {
    noInitiator: initiator === "" ? 1 : 0,
    initiatorIsOrganization: initiator !== "" && looksLikeOrganization(initiator, organization ?? null) ? 1 : 0,
    gatewayHost: typeof clientHost === "string" && VIA.test(clientHost) ? 1 : 0,
    unknownService: KNOWN_SERVICES.has(service) ? 0 : 1,
  };
}

function addLimits(quality: DataQuality, limits: SessionLimits, actions: number): void {
  quality.noInitiator += limits.noInitiator * actions;
  quality.initiatorIsOrganization += limits.initiatorIsOrganization * actions;
  quality.gatewayHost += limits.gatewayHost * actions;
  quality.unknownService += limits.unknownService * actions;
}

/** An initiator that names the organization (its name, or a bare domain) rather than a person or an account. */
function looksLikeOrganization(initiator: string, organization: string | null): boolean {
  if (organization !== null && initiator.toLowerCase() === organization.toLowerCase()) return true;
  return !initiator.includes("@") && !initiator.includes("\\") && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(initiator);
}
