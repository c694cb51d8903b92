// How the API's objects become rows: typed columns for SQL, plus the object as sent (raw).
// A newer server's extra fields live on in `raw`, and readers rebuild objects from it.
import type { BackupOrganization, RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";
import type { EventTable, OrganizationTable, SessionTable } from "./schema.js";
import { utcKey } from "./time.js";

/** The server sent something that is not what the API describes: the sync stops, nothing half-stored. */
export class GarbageAnswerError extends Error {
  override name = "GarbageAnswerError";
}

type Fields = Record<string, unknown>;

function checkShape(what: string, value: unknown, texts: readonly string[], times: readonly string[]): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GarbageAnswerError(
      `a ${what} is ${Array.isArray(value) ? "an array" : String(JSON.stringify(value) ?? typeof value).slice(0, 80)}, not an object`,
    );
  }
  const fields = value as Fields;
  const notText = texts.find((name) => typeof fields[name] !== "string");
  if (notText) throw new GarbageAnswerError(`a ${what} has '${notText}' ${fields[notText] === undefined ? "missing" : "that is not text"}`);
  const notTime = times.find((name) => utcKey(fields[name] as string) === undefined);
  if (notTime)
    throw new GarbageAnswerError(
      `a ${what} has '${notTime}' that is not an ISO 8601 date-time (${JSON.stringify(fields[notTime]).slice(0, 60)})`,
    );
  return fields;
}

const optionalText = (value: unknown) => (typeof value === "string" ? value : null);
const optionalNumber = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function checkedSession(value: unknown): RestoreSession {
  return checkShape("restore session", value, ["id", "creationTime", "type", "state", "result"], ["creationTime"]) as RestoreSession;
}

export function checkedEvent(value: unknown): RestoreSessionEvent {
  const fields = checkShape("restore session event", value, ["id", "status", "startTime"], ["startTime"]);
  if (optionalNumber(fields.order) === null) throw new GarbageAnswerError("a restore session event has 'order' that is not a number");
  return fields as RestoreSessionEvent;
}

export function checkedStatistics(value: unknown): RestoreStatistics {
  const fields = checkShape("restore statistics answer", value, [], []);
  for (const name of ["totalItemsCount", "restoredItemsCount", "failedItemsCount", "skippedItemsCount"]) {
    if (!Number.isInteger(fields[name]))
      throw new GarbageAnswerError(`a restore statistics answer has '${name}' that is not a whole number`);
  }
  return fields as RestoreStatistics;
}

export function checkedOrganization(value: unknown): BackupOrganization {
  return checkShape("backup organization", value, ["id"], []) as BackupOrganization;
}

export interface SessionRecord {
  session: RestoreSession;
  events: RestoreSessionEvent[];
  statistics?: RestoreStatistics;
  organizationId?: string;
}

type SeenColumns = "first_seen" | "last_seen" | "pruned_at";

export function sessionRow(server: string, apiVersion: string, record: SessionRecord): Omit<SessionTable, SeenColumns> {
  const { session, statistics } = record;
  const endTime = optionalText(session.endTime);
  return {
    server,
    id: session.id,
    name: optionalText(session.name),
    organization: optionalText(session.organization),
    type: session.type,
    creation_time: session.creationTime,
    creation_utc: utcKey(session.creationTime)!,
    end_time: endTime,
    end_utc: endTime === null ? null : (utcKey(endTime) ?? null),
    state: session.state,
    result: session.result,
    initiated_by: optionalText(session.initiatedBy),
    details: optionalText(session.details),
    scope_name: optionalText(session.scopeName),
    client_host: optionalText(session.clientHost),
    reason: optionalText(session.reason),
    e_tag: optionalNumber((session as Fields).eTag),
    organization_id: record.organizationId ?? null,
    api_version: apiVersion,
    raw: JSON.stringify(session),
    statistics_raw: statistics ? JSON.stringify(statistics) : null,
    total_items_count: statistics?.totalItemsCount ?? null,
    restored_items_count: statistics?.restoredItemsCount ?? null,
    failed_items_count: statistics?.failedItemsCount ?? null,
    skipped_items_count: statistics?.skippedItemsCount ?? null,
    event_count: record.events.length,
  };
}

export function eventRow(server: string, sessionId: string, event: RestoreSessionEvent, seen: string): EventTable {
  const endTime = optionalText(event.endTime);
  return {
    server,
    session_id: sessionId,
    id: event.id,
    event_order: event.order,
    type: optionalText(event.type),
    status: event.status,
    start_time: event.startTime,
    start_utc: utcKey(event.startTime) ?? null,
    end_time: endTime,
    duration: optionalText(event.duration),
    title: optionalText(event.title),
    message: typeof event.message === "string" ? event.message : "",
    item_name: optionalText(event.itemName),
    item_type: optionalText(event.itemType),
    item_size_bytes: optionalNumber(event.itemSizeBytes),
    source: optionalText(event.source),
    target: optionalText(event.target),
    raw: JSON.stringify(event),
    first_seen: seen,
    last_seen: seen,
  };
}

export function organizationRow(server: string, organization: BackupOrganization, seen: string): OrganizationTable {
  return {
    server,
    id: organization.id as string, // checked by checkedOrganization
    name: optionalText(organization.name),
    type: optionalText(organization.type),
    raw: JSON.stringify(organization),
    first_seen: seen,
    last_seen: seen,
  };
}
