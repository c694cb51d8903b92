// The report's input and its result. The result is also the JSON format (`report.schema.json`
// describes it; a test validates real output against that schema).
import type { ApiVersion, RestoreSession, RestoreSessionEvent } from "@vbm365/client";

/** One session with its events, from one server: what the live walk and the archive both yield. */
export interface ReportInput {
  /** The server's name; "default" for the single VBM365_URL server. */
  server: string;
  session: RestoreSession;
  events: RestoreSessionEvent[];
}

/** What to keep. Every list is "any of"; an empty or missing list keeps everything. */
export interface ReportSelection {
  /** Sessions that started at or after this instant. */
  from?: Date;
  /** Sessions that started at or before this instant. */
  to?: Date;
  servers?: readonly string[];
  organizations?: readonly string[];
  /** Event types (`Restore`, `Export`, ...), as the API names them. */
  actionTypes?: readonly string[];
  /** Session types (`Vex`, `Veod`, ...), as the API names them. */
  services?: readonly string[];
}

export interface ReportOptions {
  selection?: ReportSelection;
  /** The REST API version each server spoke, when the caller knows it; otherwise it is read from the data. */
  serverVersions?: ReadonlyMap<string, ApiVersion>;
  /** How many actions the table keeps (the first ones seen); the CSV has them all. Default 1000. */
  tableLimit?: number;
  /** Called with every selected action, in input order: where the full CSV is written from. */
  onAction?: (row: ActionRow) => void | Promise<void>;
  /** Who made the report, for the header: a tool and version, and how (command line, dashboard). */
  generator: { tool: string; version: string; how: string };
  /** The moment written as "made at"; default now. */
  now?: Date;
}

/** One restore action: a non-`None` event with its session's who, where and what. */
export interface ActionRow {
  time: string;
  timeUtc: string | null;
  server: string;
  organization: string | null;
  initiatedBy: string | null;
  clientHost: string | null;
  itemName: string | null;
  itemType: string | null;
  action: string;
  service: string;
  itemSizeBytes: number | null;
  source: string | null;
  target: string | null;
  status: string;
  sessionId: string;
  sessionName: string | null;
  eventId: string;
}

export interface CountAndSize {
  actions: number;
  /** Sum of the sizes the server gave; actions without a size add nothing (see notes). */
  bytes: number;
}

export interface NamedCount extends CountAndSize {
  name: string;
}

export interface RestoredObject extends CountAndSize {
  /** mailbox, OneDrive, site or team (from the session's service). */
  kind: string;
  name: string;
  /** The v8 user, site or team id; null on v6 and v7 servers, which send none. */
  id: string | null;
  service: string;
}

export interface TimelineBucket {
  /** Start of the bucket, ISO 8601 UTC. */
  start: string;
  byActionType: Record<string, number>;
  byService: Record<string, number>;
}

export interface ReportNote {
  /** A stable identifier for programs: needs-v8, gateway-client-host, ... */
  code: string;
  text: string;
  /** How many actions (or servers, for needs-v8) it concerns. */
  count: number;
}

export interface ReportAggregates {
  schemaVersion: 1;
  generated: { at: string; tool: string; version: string; how: string };
  period: { from: string | null; to: string | null; firstAction: string | null; lastAction: string | null };
  servers: { name: string; apiVersion: string; sessions: number }[];
  organizations: NamedCount[];
  selection: { servers: string[]; organizations: string[]; actionTypes: string[]; services: string[] };
  totals: { sessions: number; actions: number; bytes: number; actionsWithoutSize: number };
  topOperatorsByActions: NamedCount[];
  topOperatorsBySize: NamedCount[];
  topObjects: RestoredObject[];
  byActionType: NamedCount[];
  byService: NamedCount[];
  timeline: { unit: "hour" | "day"; buckets: TimelineBucket[] };
  actions: { total: number; shown: number; rows: ActionRow[] };
  notes: ReportNote[];
}
