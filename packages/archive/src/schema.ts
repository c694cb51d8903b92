// The tables as Kysely sees them. Column names are the API's field names in snake_case;
// every row also keeps the object exactly as the server sent it in `raw` (JSON text).
import type { Generated } from "kysely";

export interface SchemaVersionTable {
  version: number;
  applied_at: string;
}

export interface ServerTable {
  name: string;
  url: string | null;
  api_version: string | null;
}

export interface SessionTable {
  server: string;
  id: string;
  name: string | null;
  organization: string | null;
  type: string;
  creation_time: string;
  /** creation_time in UTC with seven fractional digits: sorts as text, on both databases. */
  creation_utc: string;
  end_time: string | null;
  end_utc: string | null;
  state: string;
  result: string;
  initiated_by: string | null;
  details: string | null;
  scope_name: string | null;
  client_host: string | null;
  reason: string | null;
  e_tag: number | null;
  organization_id: string | null;
  api_version: string;
  raw: string;
  statistics_raw: string | null;
  total_items_count: number | null;
  restored_items_count: number | null;
  failed_items_count: number | null;
  skipped_items_count: number | null;
  event_count: number;
  first_seen: string;
  last_seen: string;
  pruned_at: string | null;
}

export interface EventTable {
  server: string;
  session_id: string;
  id: string;
  /** The API's `order` (renamed: ORDER is an SQL keyword). */
  event_order: number;
  type: string | null;
  status: string;
  start_time: string;
  start_utc: string | null;
  end_time: string | null;
  duration: string | null;
  title: string | null;
  message: string;
  item_name: string | null;
  item_type: string | null;
  item_size_bytes: number | string | null;
  source: string | null;
  target: string | null;
  raw: string;
  first_seen: string;
  last_seen: string;
}

export interface OrganizationTable {
  server: string;
  id: string;
  name: string | null;
  type: string | null;
  raw: string;
  first_seen: string;
  last_seen: string;
}

export interface SyncRunTable {
  id: Generated<number>;
  server: string;
  started_at: string;
  finished_at: string | null;
  /** running (or killed while running), ok, failed */
  outcome: string;
  message: string | null;
  sessions_added: number;
  sessions_updated: number;
  events_stored: number;
  sessions_pruned: number;
}

export interface ArchiveDatabase {
  archive_schema: SchemaVersionTable;
  servers: ServerTable;
  sessions: SessionTable;
  events: EventTable;
  organizations: OrganizationTable;
  sync_runs: SyncRunTable;
}
