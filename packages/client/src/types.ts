// The public names for the spec's schemas. Every type comes from the generated schema.
import type { components, paths, operations } from "./generated/schema.js";

export type { components, paths, operations };

type Schemas = components["schemas"];
export type RestoreSession = Schemas["RestoreSession"];
export type RestoreSessionEvent = Schemas["RestoreSessionEvent"];
export type BackupOrganization = Schemas["BackupOrganization"];
export type RestoreSessionPage = Schemas["RestoreSessionPage"];
export type RestoreSessionEventPage = Schemas["RestoreSessionEventPage"];
export type ApiErrorBody = Schemas["Error"];

/** Query of `GET /v6/RestoreSessions`, as the spec defines it. */
export type RestoreSessionPageQuery = NonNullable<operations["RestoreSession_GetPage"]["parameters"]["query"]>;
