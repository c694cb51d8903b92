export type { CredentialSource, ServerSettings } from "./servers.js";
// Fleet: the configuration file and running one command against many servers.
export * from "./config/index.js";
export * from "./fleet/index.js";
