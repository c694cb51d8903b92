// The API's shapes are the client's names for its generated schema (from the bundled spec).
export type {
  ApiErrorBody,
  BackupOrganization,
  components,
  RestoreSession,
  RestoreSessionEvent,
  RestoreSessionEventPage,
  RestoreSessionPage,
  TokenResponse,
} from "@vbm365/client";
