export type { CredentialSource, ServerSettings } from "./servers.js";
export { SettingsError } from "./settings-error.js";
export { parseApiVersion, parseServerUrl, readCaFile, serverFromEnv, withoutUserinfo, type EnvServerOptions } from "./env.js";
export { connectionOf, type ServerConnection } from "./client-options.js";
export { classifyError, type Problem } from "./problems.js";
export { answerProblem, describeValue, type AnswerProblem } from "./answers.js";
export {
  formatDuration,
  parseDuration,
  parseTypedInstant,
  resolveWindow,
  sortable,
  type DurationRange,
  type Instant,
  type TimeWindow,
} from "./windows.js";
// Fleet: the configuration file and running one command against many servers.
export * from "./config/index.js";
export * from "./fleet/index.js";
