// startTestServer's options: what each means, its default, and the check that turns a
// wrong value into one line naming the option and what to give instead.
import { MAX_SESSIONS } from "./data.js";
import { checkDefects, type Defect } from "./defects.js";
import { TICKS_PER_MS, toTicks, type Ticks } from "./time.js";
import { TOKEN_DATES, type TokenDates } from "./tokens.js";
import { API_VERSIONS, type ApiVersion } from "./versions.js";

export interface TestServerOptions {
  /** How many sessions exist at start (default 100; 0 to hundreds of billions, all computed lazily). */
  sessions?: number;
  /** The seed the data is derived from (default 1). */
  seed?: number;
  /** Port to listen on (default 0: a free port). */
  port?: number;
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS with a CA and certificate made at start-up (the CA is `server.ca`). */
  https?: boolean;
  /** Default `testkit-admin`. */
  username?: string;
  /** Default `testkit-password`. */
  password?: string;
  /** Lifetime of access tokens in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Reference time: the newest session starts shortly before it (default: the start-up time). */
  now?: Date | string;
  /**
   * How `.issued` and `.expires` of a token answer are written: `iso8601` (default), as the
   * vendor's document declares (`2026-11-30T09:45:59.000Z`), or `rfc1123`
   * (`Mon, 30 Nov 2026 09:45:59 GMT`), as servers of this kind are known to write them.
   */
  tokenDates?: TokenDates;
  /**
   * The REST API versions served (default all: v6, v7, v8, as a Veeam Backup for
   * Microsoft 365 8 server). A path under another version answers 404, as on a server
   * that does not have it: `["v6"]` is a v6-era server.
   */
  versions?: ApiVersion[];
  /** Deliberate contract violations (see `Defect`). */
  defects?: Defect[];
}

/** Every option's name, for the README check (a type test keeps it complete). */
export const OPTION_NAMES = [
  "sessions",
  "seed",
  "port",
  "host",
  "https",
  "username",
  "password",
  "tokenTtlSeconds",
  "now",
  "tokenDates",
  "versions",
  "defects",
] as const satisfies readonly (keyof TestServerOptions)[];

export const DEFAULT_USERNAME = "testkit-admin";
export const DEFAULT_PASSWORD = "testkit-password";
export const DEFAULT_SESSIONS = 100;
export const DEFAULT_SEED = 1;
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** The options with their defaults filled in, checked. */
export interface ServerConfig {
  sessions: number;
  seed: number;
  port: number;
  host: string;
  ttl: number;
  username: string;
  password: string;
  now: Ticks;
  tokenDates: TokenDates;
  versions: Set<ApiVersion>;
  defects: Set<Defect>;
}

function fail(message: string): never {
  throw new Error(`startTestServer: ${message}`);
}

/** `fail` with the message of whatever `check` throws. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    fail((error as Error).message);
  }
}

export function checkOptions(options: TestServerOptions): ServerConfig {
  const sessions = options.sessions ?? DEFAULT_SESSIONS;
  if (!Number.isInteger(sessions) || sessions < 0 || sessions > MAX_SESSIONS) {
    fail(`sessions must be a whole number from 0 to ${MAX_SESSIONS}, got ${String(options.sessions)}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) fail(`seed must be a whole number, got ${String(options.seed)}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`port must be 0-65535, got ${String(options.port)}`);
  const host = options.host ?? "127.0.0.1";
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^::1$|^localhost$/.test(host)) {
    fail(`host must be a loopback address (127.0.0.1, ::1, localhost), got "${host}"`);
  }
  const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!(typeof ttl === "number" && Number.isFinite(ttl) && ttl > 0)) {
    fail(`tokenTtlSeconds must be a number above 0, got ${String(options.tokenTtlSeconds)}`);
  }
  const username = options.username ?? DEFAULT_USERNAME;
  const password = options.password ?? DEFAULT_PASSWORD;
  if (!username || typeof username !== "string") fail("username must be a non-empty string");
  if (!password || typeof password !== "string") fail("password must be a non-empty string");
  const now = checked(() => (options.now === undefined ? BigInt(Date.now()) * TICKS_PER_MS : toTicks(options.now, "now")));
  const tokenDates = options.tokenDates ?? "iso8601";
  if (!(TOKEN_DATES as readonly string[]).includes(tokenDates)) {
    fail(`tokenDates must be one of ${TOKEN_DATES.join(", ")}, got ${JSON.stringify(options.tokenDates)}`);
  }
  const versions = options.versions ?? [...API_VERSIONS];
  const unknown = Array.isArray(versions) ? versions.find((v) => !(API_VERSIONS as readonly string[]).includes(v)) : undefined;
  if (!Array.isArray(versions) || versions.length === 0 || unknown !== undefined) {
    fail(`versions must be a non-empty list of ${API_VERSIONS.join(", ")}, got ${JSON.stringify(options.versions)}`);
  }
  const defects = checked(() => checkDefects(options.defects ?? []));
  return { sessions, seed, port, host, ttl, username, password, now, tokenDates, versions: new Set(versions), defects };
}
