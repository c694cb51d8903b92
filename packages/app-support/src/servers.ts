// The shape every app works with once settings are read, whether they came from the
// VBM365_* environment variables (one server, named "default") or a configuration file
// (many named servers). Reading them is lazy where it can be: a secret is fetched only
// when that server is used.
import type { ApiVersionOption } from "@vbm365/client";

/** How to log in to one server; secrets are resolved only when the server is used. */
export type CredentialSource =
  | { kind: "token"; read: () => Promise<string> }
  | { kind: "login"; username: string; readPassword: () => Promise<string> };

/** One server to talk to, with everything needed to build a client for it. */
export interface ServerSettings {
  /** Name shown in every row and message: "default" for the environment's single server. */
  name: string;
  /** Server root, such as https://vbm.example:4443 (no trailing slash, no credentials). */
  baseUrl: string;
  /** REST API version to speak; "auto" asks the server. */
  apiVersion: ApiVersionOption;
  /** Path of a PEM file with the CA that signed the server's certificate. */
  caFile?: string;
  /** Free labels such as customer=contoso, region=eu, for --tag filters. */
  tags: Record<string, string>;
  credentials: CredentialSource;
  /** Longest time one command may spend on this server (configuration file `timeout`). */
  deadlineMs?: number;
}
