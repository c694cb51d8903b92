// From a server's settings to the options of a client for it: the CA file read, the secret
// fetched (only now, when the server is used), and the secrets listed for scrubbing output.
import type { Vbm365ClientOptions } from "@vbm365/client";
import { readCaFile } from "./env.js";
import type { ServerSettings } from "./servers.js";

/** What an app needs to talk to one server. */
export interface ServerConnection {
  /** Ready for `createVbm365Client` (add timeouts, retries, an injected fetch as the app needs). */
  options: Vbm365ClientOptions & { auth: { token: string } | { username: string; password: string } };
  /** The token or password read, to scrub from anything the app prints or logs. */
  secrets: string[];
}

/** Reads what `server` leaves lazy (its token or password, its CA file) into client options. */
export async function connectionOf(server: ServerSettings): Promise<ServerConnection> {
  const ca = server.caFile === undefined ? undefined : readCaFile(server.caFile, `the CA file of ${server.name}`);
  const base = { baseUrl: server.baseUrl, apiVersion: server.apiVersion, ...(ca === undefined ? {} : { ca }) };
  if (server.credentials.kind === "token") {
    const token = await server.credentials.read();
    return { options: { ...base, auth: { token } }, secrets: [token] };
  }
  const { username } = server.credentials;
  const password = await server.credentials.readPassword();
  return { options: { ...base, auth: { username, password } }, secrets: [password] };
}
