export { createVbm365Client, DEFAULT_TIMEOUT_MS } from "./client.js";
export type {
  ApiPaths,
  Auth,
  RestoreSessionsApi,
  RestoreSessionsApiV8,
  RetryOptions,
  Vbm365Client,
  Vbm365ClientOptions,
} from "./client.js";
export type { ApiVersion, ApiVersionOption } from "./versions.js";
export { Vbm365ApiError, Vbm365NetworkError, Vbm365TimeoutError, Vbm365ValidationError, Vbm365WalkError } from "./errors.js";
export type { WalkStop } from "./errors.js";
export { DEFAULT_MAX_BODY_BYTES } from "./attempt.js";
export { DEFAULT_MAX_PAGES, DEFAULT_WALK_PAGE_SIZE } from "./pagination.js";
export { REDACTED, redact, redactText, secretForms } from "./redact.js";
export { TICKS_PER_MS, formatIsoTicks, isoMs, isoTicks, parseIsoDateTime } from "./instants.js";
export type { IsoDateTime, IsoForm } from "./instants.js";
/** The API's limits, generated from the spec: page size, offset, and the id (UUID) form. */
export { OFFSET, PAGE_SIZE, UUID_PATTERN } from "./generated/limits.js";
export type {
  ApiErrorBody,
  BackupOrganization,
  CallOptions,
  DateInput,
  Open,
  RestoreSession,
  RestoreSessionEvent,
  RestoreSessionEventPage,
  RestoreSessionEventPageQuery,
  RestoreSessionEventsOptions,
  RestoreSessionFilter,
  RestoreSessionIterateOptions,
  RestoreSessionPage,
  RestoreSessionPageQuery,
  RestoreSessionResult,
  RestoreSessionState,
  RestoreSessionType,
  RestoreSessionV8Filter,
  RestoreStatistics,
  TokenRequest,
  TokenResponse,
  WalkOptions,
  components,
  operations,
  paths,
} from "./types.js";
