// The facts of shared/reference/api-facts.md, per API version, as data: what the vendor's
// documents say about each operation, parameter and body of the RestoreSessions family.
// test/facts.test.ts holds every bundle in dist/ to these. Written by hand from the facts
// file (v6 tables, then "v7 against v6" and "v8 against v7"); update both together.
export type ApiVersion = "v6" | "v7" | "v8";

export interface FieldFact {
  type: "string" | "integer" | "boolean" | "array" | "object";
  format?: string;
  nullable?: boolean;
  enum?: string[];
  default?: unknown;
  maximum?: number;
}
export interface BodyFact {
  required: string[];
  fields: Record<string, FieldFact>;
}
export interface OperationFact {
  operationId: string;
  parameters: Record<string, FieldFact & { in: "query" | "path" }>;
  /** The success status and the facts of its body (undefined: no body); `paged` marks the
   * vendor's `x-veeam-page-result: true`. */
  success: { status: string; body?: string; paged?: boolean };
  /** The token operation is anonymous; everything else needs the bearer token. */
  anonymous?: boolean;
  /** Request body: media types and the facts of each accepted grant. */
  requestBody?: { mediaTypes: string[]; variants: string[] };
}
export interface VersionFacts {
  operations: Record<string, OperationFact>;
  bodies: Record<string, BodyFact>;
}

const text: FieldFact = { type: "string" };
const uuid: FieldFact = { type: "string", format: "uuid" };
const dateTime: FieldFact = { type: "string", format: "date-time" };
const links: FieldFact = { type: "object" };
const int32: FieldFact = { type: "integer", format: "int32" };
const int64: FieldFact = { type: "integer", format: "int64" };
const nullable = (fact: FieldFact): FieldFact => ({ ...fact, nullable: true });

const restoreSessionId = { ...uuid, in: "path" as const };
const paging = {
  limit: { ...int32, in: "query" as const, default: 30, maximum: 10_000 },
  offset: { ...int32, in: "query" as const, default: 0 },
};

function v6(): VersionFacts {
  return {
    operations: {
      "GET /v6/RestoreSessions": {
        operationId: "RestoreSession_GetPage",
        parameters: { ...paging, startTimeFrom: { ...dateTime, in: "query" }, startTimeTo: { ...dateTime, in: "query" } },
        success: { status: "200", body: "RestoreSessionPage", paged: true },
      },
      "GET /v6/RestoreSessions/{restoreSessionId}": {
        operationId: "RestoreSession_GetByRestoreSessionId",
        parameters: { restoreSessionId },
        success: { status: "200", body: "RestoreSession" },
      },
      "POST /v6/RestoreSessions/{restoreSessionId}/Stop": {
        operationId: "RestoreSession_StopAction",
        parameters: { restoreSessionId },
        success: { status: "200" },
      },
      "GET /v6/RestoreSessions/{restoreSessionId}/Events": {
        operationId: "RestoreSessionEvent_Get",
        parameters: { restoreSessionId, ...paging },
        success: { status: "200", body: "RestoreSessionEventPage", paged: true },
      },
      "GET /v6/RestoreSessions/{restoreSessionId}/Events/{eventId}": {
        operationId: "RestoreSessionEvent_GetById",
        parameters: { restoreSessionId, eventId: { ...uuid, in: "path" } },
        success: { status: "200", body: "RestoreSessionEvent" },
      },
      "GET /v6/RestoreSessions/{restoreSessionId}/organization": {
        operationId: "BackupOrganization_GetByRestoreSessionId",
        parameters: { restoreSessionId },
        success: { status: "200", body: "BackupOrganization" },
      },
      "POST /v6/token": {
        operationId: "token",
        parameters: {},
        success: { status: "200", body: "TokenResponse" },
        anonymous: true,
        requestBody: { mediaTypes: ["application/x-www-form-urlencoded", "application/json"], variants: ["PasswordGrant", "RefreshGrant"] },
      },
    },
    bodies: {
      RestoreSession: {
        required: ["id", "type", "creationTime", "state", "result"],
        fields: {
          id: uuid,
          name: text,
          organization: text,
          type: { type: "string", enum: ["Vex", "Veod", "Vesp", "Vet"] },
          creationTime: dateTime,
          endTime: nullable(dateTime),
          state: { type: "string", enum: ["Working", "Stopped"] },
          result: { type: "string", enum: ["Success", "Warning", "Failed"] },
          initiatedBy: text,
          details: text,
          scopeName: text,
          clientHost: text,
          reason: text,
          _links: links,
        },
      },
      RestoreSessionEvent: {
        required: ["id", "status", "message", "startTime", "order"],
        fields: {
          id: uuid,
          type: { type: "string", enum: ["None", "Save", "Export", "Send", "Restore", "View"] },
          status: { type: "string", enum: ["Running", "Success", "Warning", "Failed", "Cancelled", "Skipped"] },
          startTime: dateTime,
          endTime: nullable(dateTime),
          duration: text,
          title: text,
          message: text,
          itemName: text,
          itemType: text,
          source: text,
          target: text,
          itemSizeBytes: int64,
          order: int32,
          _links: links,
        },
      },
      BackupOrganization: {
        required: [],
        fields: {
          id: uuid,
          name: text,
          type: { type: "string", enum: ["Office365", "OnPremises", "Hybrid"], nullable: true },
          _links: links,
        },
      },
      RestoreSessionPage: pageOf(),
      RestoreSessionEventPage: pageOf(),
      TokenResponse: {
        required: ["access_token", "refresh_token", "token_type", "expires_in", "userName", ".issued", ".expires"],
        fields: {
          access_token: text,
          refresh_token: text,
          token_type: text,
          expires_in: int64,
          userName: text,
          ".issued": dateTime,
          ".expires": dateTime,
        },
      },
      PasswordGrant: {
        required: ["grant_type", "username", "password"],
        fields: { grant_type: { type: "string", enum: ["password"] }, username: text, password: { type: "string", format: "password" } },
      },
      RefreshGrant: {
        required: ["grant_type", "refresh_token"],
        fields: { grant_type: { type: "string", enum: ["refresh_token"] }, refresh_token: text },
      },
      Error: { required: [], fields: { message: text } },
    },
  };
}

function pageOf(): BodyFact {
  return {
    required: ["offset", "limit", "results"],
    fields: { offset: int32, limit: int32, results: { type: "array" }, setId: uuid, totalCount: nullable(int32), _links: links },
  };
}

/** "v7 against v6": the prefix, errorCode, disable_antiforgery_token. */
function v7(): VersionFacts {
  const facts = withPrefix(v6(), "v7");
  facts.bodies.Error!.fields.errorCode = { type: "string", nullable: true, enum: ["ProxyOffline"] };
  const antiforgery: FieldFact = { type: "boolean", nullable: true };
  facts.bodies.PasswordGrant!.fields.disable_antiforgery_token = antiforgery;
  facts.bodies.RefreshGrant!.fields.disable_antiforgery_token = antiforgery;
  return facts;
}

/** "v8 against v7". */
function v8(): VersionFacts {
  const facts = withPrefix(v7(), "v8");
  const list = facts.operations["GET /v8/RestoreSessions"]!;
  list.parameters.endTimeFrom = { ...dateTime, in: "query" };
  list.parameters.endTimeTo = { ...dateTime, in: "query" };
  list.parameters.orderBy = { type: "string", enum: ["CreationTime", "EndTime"], default: "CreationTime", in: "query" };
  list.parameters.orderAsc = { type: "boolean", default: false, in: "query" };
  facts.operations["GET /v8/RestoreSessions/{restoreSessionId}/Statistics"] = {
    operationId: "RestoreSession_GetRestoreStatistics",
    parameters: { restoreSessionId },
    success: { status: "200", body: "RestoreStatistics" },
  };
  facts.bodies.RestoreStatistics = {
    required: ["totalItemsCount", "restoredItemsCount", "failedItemsCount", "skippedItemsCount", "items"],
    fields: {
      totalItemsCount: int64,
      restoredItemsCount: int64,
      failedItemsCount: int64,
      skippedItemsCount: int64,
      items: { type: "array" },
      warnings: { type: "array" },
      errors: { type: "array" },
    },
  };
  facts.bodies.RestoreSession!.fields.eTag = int64;
  Object.assign(facts.bodies.RestoreSessionEvent!.fields, {
    backedUpOrganizationId: nullable(text),
    groupId: nullable(text),
    siteId: nullable(text),
    userId: nullable(text),
    organizationId: nullable(uuid),
    teamId: nullable(uuid),
  });
  delete facts.bodies.RestoreSessionPage!.fields.totalCount;
  delete facts.bodies.RestoreSessionEventPage!.fields.totalCount;
  facts.operations["POST /v8/RestoreSessions/{restoreSessionId}/Stop"]!.success = { status: "204" };
  facts.bodies.Error!.fields.errorCode!.enum = [
    "ProxyOffline",
    "OutdatedChangeToken",
    "ResourceAccessDenied",
    "ResourceNotFound",
    "ParameterValidationFailure",
    "OrganizationTransfer",
    "RepositoryOwnerChangeTooManyLinks",
    "Timeout",
    "OperationConflict",
    "HttpError",
  ];
  facts.bodies.Error!.fields.stackTrace = nullable(text);
  facts.bodies.TokenResponse!.required = facts.bodies.TokenResponse!.required.filter((name) => name !== "userName");
  return facts;
}

/** "Paths differ only by the prefix; operationIds are unchanged." */
function withPrefix(facts: VersionFacts, version: ApiVersion): VersionFacts {
  const copy = structuredClone(facts);
  copy.operations = Object.fromEntries(
    Object.entries(copy.operations).map(([key, operation]) => [key.replace(/ \/v\d+\//, ` /${version}/`), operation]),
  );
  return copy;
}

export const facts: Record<ApiVersion, VersionFacts> = { v6: v6(), v7: v7(), v8: v8() };
