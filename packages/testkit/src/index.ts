export { startTestServer } from "./server.js";
export type { TestServer, TestServerStats, RequestRecord } from "./server.js";
export { DEFAULT_USERNAME, DEFAULT_PASSWORD } from "./options.js";
export type { TestServerOptions } from "./options.js";
export type { TestData, StartTimeFilter } from "./test-data.js";
export type { ParsedQuery } from "./context.js";
export { FAULT_KINDS } from "./faults.js";
export type { FaultKind, FaultSpec, FaultMatch, InjectedFault, FaultController } from "./faults.js";
export { TOKEN_DATES } from "./tokens.js";
export type { TokenDates } from "./tokens.js";
export { API_VERSIONS } from "./versions.js";
export type { ApiVersion } from "./versions.js";
export { DEFECTS, DEFECT_DESCRIPTIONS } from "./defects.js";
export type { Defect } from "./defects.js";
export type {
  RestoreSession,
  RestoreSessionEvent,
  BackupOrganization,
  RestoreSessionPage,
  RestoreSessionEventPage,
  TokenResponse,
} from "./types.js";
