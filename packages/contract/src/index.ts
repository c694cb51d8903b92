export { listChecks, runCheck, runContract, allViolations, minimumChecks, type CheckResult, type ContractReport } from "./run.js";
export { formatSummary, summarize, tooFewRan, type Summary } from "./report.js";
export { createContext, type ContractContext } from "./context.js";
export { loadSpec, listOperations, type Operation, type OpenApiDocument } from "./spec.js";
export { targetFromEnv, fetchToken, ContractSettingsError, prismCapabilities, fullCapabilities, type Target, type Capabilities } from "./target.js";
export { formatViolation, type Violation, type ViolationKind } from "./violations.js";
export type { Check, CheckOutcome } from "./checks/types.js";
