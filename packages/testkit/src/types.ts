// The API's shapes come from the client's generated schema (from the bundled spec), never restated.
import type { components } from "@vbm365/client";

type Schemas = components["schemas"];
export type RestoreSession = Schemas["RestoreSession"];
export type RestoreSessionEvent = Schemas["RestoreSessionEvent"];
export type BackupOrganization = Schemas["BackupOrganization"];
export type RestoreSessionPage = Schemas["RestoreSessionPage"];
export type RestoreSessionEventPage = Schemas["RestoreSessionEventPage"];
export type TokenResponse = Schemas["TokenResponse"];
export type ApiErrorBody = Schemas["Error"];
export type { components };
