export { SelectionError, isFleetChoice, parseTag, selectServers, type ServerChoice } from "./select.js";
export {
  DEFAULT_PARALLEL,
  DEFAULT_SERVER_DEADLINE_MS,
  ServerDeadlineError,
  formatMs,
  runFleet,
  type RunOptions,
  type ServerJob,
  type ServerResult,
} from "./run.js";
export { failureReason, type FailureReason } from "./reason.js";
export { fleetOutcome, type FleetOutcome } from "./outcome.js";
