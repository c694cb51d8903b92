export { startTestServer, DEFAULT_USERNAME, DEFAULT_PASSWORD } from "./server.js";
export type { TestServer, TestServerOptions, TestServerStats, TestData, StartTimeFilter, RequestRecord } from "./server.js";
export type { ParsedQuery } from "./api.js";
export { FAULT_KINDS } from "./faults.js";
export { TOKEN_DATES } from "./tokens.js";
export type { TokenDates } from "./tokens.js";
export type { FaultKind, FaultSpec, FaultMatch, InjectedFault, FaultController } from "./faults.js";
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
