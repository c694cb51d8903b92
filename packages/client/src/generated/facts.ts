// GENERATED FILE: do not edit by hand.
// Source: openapi/ (bundled to openapi/dist/openapi.json) by scripts/generate.mjs.
// Regenerate with `pnpm generate` after changing the spec, and commit the result.

/** How an answer's field is checked: a JSON type, or `date-time` for a string the spec gives that format. */
export type FieldType = "string" | "date-time" | "integer" | "number" | "boolean" | "array" | "object";

/** One field of an answer as the spec describes it over every version. */
export interface FieldFact {
  type: FieldType;
  /** Required in every version that has the schema. */
  required: boolean;
  /** `null` allowed in some version. */
  nullable: boolean;
}

/** The schemas whose fields are listed in `ANSWER_FIELDS`. */
export type AnswerSchema = "RestoreSession" | "RestoreSessionEvent" | "RestoreStatistics" | "BackupOrganization";

/** Each operation's request path, in every version that has it, as a pattern (any case, as servers match paths), by operationId. */
export const OPERATION_PATHS = {
  /** `/vN/RestoreSessions/{restoreSessionId}/organization` in v6, v7, v8 */
  BackupOrganization_GetByRestoreSessionId: /^\/v(?:6|7|8)\/RestoreSessions\/[^/]+\/organization\/?$/i,
  /** `/vN/RestoreSessions/{restoreSessionId}` in v6, v7, v8 */
  RestoreSession_GetByRestoreSessionId: /^\/v(?:6|7|8)\/RestoreSessions\/[^/]+\/?$/i,
  /** `/vN/RestoreSessions` in v6, v7, v8 */
  RestoreSession_GetPage: /^\/v(?:6|7|8)\/RestoreSessions\/?$/i,
  /** `/vN/RestoreSessions/{restoreSessionId}/Statistics` in v8 */
  RestoreSession_GetRestoreStatistics: /^\/v(?:8)\/RestoreSessions\/[^/]+\/Statistics\/?$/i,
  /** `/vN/RestoreSessions/{restoreSessionId}/Stop` in v6, v7, v8 */
  RestoreSession_StopAction: /^\/v(?:6|7|8)\/RestoreSessions\/[^/]+\/Stop\/?$/i,
  /** `/vN/RestoreSessions/{restoreSessionId}/Events` in v6, v7, v8 */
  RestoreSessionEvent_Get: /^\/v(?:6|7|8)\/RestoreSessions\/[^/]+\/Events\/?$/i,
  /** `/vN/RestoreSessions/{restoreSessionId}/Events/{eventId}` in v6, v7, v8 */
  RestoreSessionEvent_GetById: /^\/v(?:6|7|8)\/RestoreSessions\/[^/]+\/Events\/[^/]+\/?$/i,
  /** `/vN/token` in v6, v7, v8 */
  token: /^\/v(?:6|7|8)\/token\/?$/i,
} as const;

/** The fields of each answer the apps show, over every version that has the schema. */
export const ANSWER_FIELDS: Record<AnswerSchema, Record<string, FieldFact>> = {
  RestoreSession: {
    id: { type: "string", required: true, nullable: false },
    name: { type: "string", required: false, nullable: false },
    organization: { type: "string", required: false, nullable: false },
    type: { type: "string", required: true, nullable: false },
    creationTime: { type: "date-time", required: true, nullable: false },
    endTime: { type: "date-time", required: false, nullable: true },
    state: { type: "string", required: true, nullable: false },
    result: { type: "string", required: true, nullable: false },
    initiatedBy: { type: "string", required: false, nullable: false },
    details: { type: "string", required: false, nullable: false },
    scopeName: { type: "string", required: false, nullable: false },
    clientHost: { type: "string", required: false, nullable: false },
    reason: { type: "string", required: false, nullable: false },
    _links: { type: "object", required: false, nullable: false },
    eTag: { type: "integer", required: false, nullable: false },
  },
  RestoreSessionEvent: {
    id: { type: "string", required: true, nullable: false },
    type: { type: "string", required: false, nullable: false },
    status: { type: "string", required: true, nullable: false },
    startTime: { type: "date-time", required: true, nullable: false },
    endTime: { type: "date-time", required: false, nullable: true },
    duration: { type: "string", required: false, nullable: false },
    title: { type: "string", required: false, nullable: false },
    message: { type: "string", required: true, nullable: false },
    itemName: { type: "string", required: false, nullable: false },
    itemType: { type: "string", required: false, nullable: false },
    itemSizeBytes: { type: "integer", required: false, nullable: false },
    source: { type: "string", required: false, nullable: false },
    target: { type: "string", required: false, nullable: false },
    order: { type: "integer", required: true, nullable: false },
    _links: { type: "object", required: false, nullable: false },
    backedUpOrganizationId: { type: "string", required: false, nullable: true },
    organizationId: { type: "string", required: false, nullable: true },
    userId: { type: "string", required: false, nullable: true },
    groupId: { type: "string", required: false, nullable: true },
    siteId: { type: "string", required: false, nullable: true },
    teamId: { type: "string", required: false, nullable: true },
  },
  RestoreStatistics: {
    totalItemsCount: { type: "integer", required: true, nullable: false },
    restoredItemsCount: { type: "integer", required: true, nullable: false },
    failedItemsCount: { type: "integer", required: true, nullable: false },
    skippedItemsCount: { type: "integer", required: true, nullable: false },
    items: { type: "array", required: true, nullable: false },
    warnings: { type: "array", required: false, nullable: false },
    errors: { type: "array", required: false, nullable: false },
  },
  BackupOrganization: {
    id: { type: "string", required: false, nullable: false },
    name: { type: "string", required: false, nullable: false },
    type: { type: "string", required: false, nullable: true },
    _links: { type: "object", required: false, nullable: false },
  },
};
