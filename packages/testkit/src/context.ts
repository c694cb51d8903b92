// What every route handler gets: the data, the token store, the defects switched on and
// the server's clock. Handlers return values; they set nothing on the context per request.
import type { ServedEvents, SessionJsonCache } from "./caches.js";
import type { Dataset } from "./data.js";
import type { Defect } from "./defects.js";
import type { Reply } from "./reply.js";
import type { Ticks } from "./time.js";
import type { TokenStore } from "./tokens.js";
import type { ApiVersion } from "./versions.js";

export interface ApiRequest {
  method: string;
  /** The path as sent, without the query. */
  path: string;
  /** The query string without `?`. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ApiStats {
  requests: number;
  tokenRequests: number;
  byGrant: { password: number; refresh_token: number };
}

export interface ApiContext {
  data: Dataset;
  /** The API versions this server answers; a path under another answers 404. */
  versions: ReadonlySet<ApiVersion>;
  sessionJson: SessionJsonCache;
  tokens: TokenStore;
  defects: ReadonlySet<Defect>;
  credentials: { username: string; password: string };
  stats: ApiStats;
  /** The data's notion of now (reference time plus the time the server has run). */
  now(): Ticks;
  /**
   * With the eventAnySession defect: the events served so far by id, so a later get can
   * find one under any session, as a server that looks events up by id alone would.
   */
  servedEvents?: ServedEvents;
}

/** What a list route understood from its query; instants as UTC with seven digits. */
export interface ParsedQuery {
  offset: number;
  limit: number;
  startTimeFrom?: string;
  startTimeTo?: string;
  /** v8 only. */
  endTimeFrom?: string;
  endTimeTo?: string;
  orderBy?: "CreationTime" | "EndTime";
  orderAsc?: boolean;
}

/** A route's answer, and for list routes the query values it used (for the request log). */
export interface Handled {
  reply: Reply;
  parsed?: ParsedQuery;
}
