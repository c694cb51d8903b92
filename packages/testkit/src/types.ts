// The API's shapes are the client's names for its generated schema (from the bundled spec).
import type { components } from "@vbm365/client";

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

// What the testkit generates uses the schema's exact shapes: the client's public types
// are open to enum values a server may add, while the testkit only sends known ones.
type Schemas = components["schemas"];
export type ExactSession = Schemas["RestoreSession"];
export type ExactEvent = Schemas["RestoreSessionEvent"];
export type ExactOrganization = Schemas["BackupOrganization"];
