export type { CredentialSource, ServerSettings } from "./servers.js";
