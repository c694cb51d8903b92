export { listChecks, runCheck, runContract, allViolations, minimumChecks, type CheckResult, type ContractReport } from "./run.js";
export { formatSummary, summarize, tooFewRan, type Summary } from "./report.js";
export { createContext, type ContractContext } from "./context.js";
export { loadSpec, listOperations, type Operation, type OpenApiDocument } from "./spec.js";
export {
  targetFromEnv,
  fetchToken,
  ContractSettingsError,
  prismCapabilities,
  fullCapabilities,
  type Target,
  type Capabilities,
} from "./target.js";
export {
  chooseVersion,
  probeVersion,
  specOf,
  versionSetting,
  type ApiVersion,
  type ChosenVersion,
  type VersionSetting,
} from "./version.js";
export { formatViolation, type Violation, type ViolationKind } from "./violations.js";
export type { Check, CheckOutcome } from "./checks/types.js";
export { runFuzz, type FuzzReport, type FuzzResult, type FuzzFinding } from "./fuzz/run.js";
export { formatFuzzReport, nothingFuzzed, replayCommand } from "./fuzz/report.js";
export { fuzzOptionsFromEnv, fuzzedSpec, propertyNames, type FuzzOptions } from "./fuzz/options.js";
export { runWorkflows, lintWorkflows, type WorkflowReport, type WorkflowResult, type WorkflowOptions } from "./workflows/run.js";
export { formatWorkflowReport } from "./workflows/report.js";
export { workflowFiles, workflowsDir } from "./workflows/files.js";
