// Where to connect and as whom: --url / VBM365_URL, VBM365_TOKEN or VBM365_USERNAME +
// VBM365_PASSWORD, VBM365_CA_FILE, read by app-support's one reader. What is the CLI's own:
// with none of them (VBM365_URL unset, not empty) the local Prism mock, except for `check`;
// a password asked for on the terminal.
import { connectionOf, serverFromEnv, withoutUserinfo } from "@vbm365/app-support";
import type { Vbm365ClientOptions } from "@vbm365/client";
import type { Readable, Writable } from "node:stream";
import { UsageError } from "./errors.js";
import { promptSecret } from "./terminal.js";

export const MOCK_URL = "http://127.0.0.1:4010";
// Prism only checks that an Authorization header is present.
const MOCK_TOKEN = "mock-token";

export interface ConnectionSettings {
  /** Options for the client: server root, credentials, CA, API version. */
  client: Vbm365ClientOptions;
  /** Values to scrub from anything printed, --debug included. */
  secrets: string[];
}

export interface ConnectionIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stderr: Writable;
}

export async function resolveConnection(
  urlFlag: string | undefined,
  apiVersion: { value: string; source: string } | undefined,
  io: ConnectionIo,
  use: { mock: boolean },
): Promise<ConnectionSettings> {
  const { env } = io;
  const url = urlFlag ?? (env.VBM365_URL?.trim() || undefined);
  if (url === undefined && !use.mock) {
    // A probe that checked a mock would report OK for a server nobody looked at.
    const why = env.VBM365_URL === undefined ? "VBM365_URL is not set" : "VBM365_URL is empty";
    throw new UsageError(
      `no server to check: ${why} and no --url given (check never uses the local mock): set VBM365_URL=https://vbm.example:4443, or list servers in vbm365.config.yaml and pass --all-servers`,
    );
  }
  if (url === undefined && env.VBM365_URL !== undefined) {
    // Set but empty is a broken configuration (an unfilled template), not a wish for the mock.
    throw new UsageError(
      "VBM365_URL is set but empty: set it to the server root, such as https://vbm.example:4443 (unset it to use the local mock)",
    );
  }
  const server = serverFromEnv(env, {
    url: urlFlag,
    ...(apiVersion ? { apiVersion } : {}),
    mock: { baseUrl: MOCK_URL, token: MOCK_TOKEN },
    askPassword: (username, baseUrl) => askPassword(username, baseUrl, io),
  })!;
  if (url === undefined) {
    io.stderr.write(
      `vbm365-audit: no VBM365_URL or --url set: using the local mock ${MOCK_URL} with a dummy token (start it with 'pnpm mock'; for real servers set VBM365_URL, or list them in vbm365.config.yaml and pass --all-servers)\n`,
    );
  }
  const { options, secrets } = await connectionOf(server);
  return { client: options, secrets: url === undefined ? [] : secrets };
}

async function askPassword(username: string, baseUrl: string, io: ConnectionIo): Promise<string> {
  if (!io.stdin.isTTY) {
    throw new UsageError("VBM365_USERNAME is set but VBM365_PASSWORD is not, and there is no terminal to ask on: set VBM365_PASSWORD");
  }
  const password = await promptSecret(`Password for ${username} at ${baseUrl}: `, io.stdin, io.stderr);
  if (!password) throw new UsageError("no password entered: type it at the prompt or set VBM365_PASSWORD");
  return password;
}

/** A URL fit to print: userinfo removed. */
export const redactUrl = withoutUserinfo;
