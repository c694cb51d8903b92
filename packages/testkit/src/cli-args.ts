// The command line of `vbm365-testkit` (`pnpm testkit`): its options, the full --help
// (built from the same tables as the code: options, defaults, faults, defects) and the
// check that turns a wrong flag into one line saying what to give instead.
import { parseArgs } from "node:util";
import { DEFECT_DESCRIPTIONS, DEFECTS, type Defect } from "./defects.js";
import { FAULT_DESCRIPTIONS, FAULT_KINDS } from "./faults.js";
import {
  DEFAULT_PASSWORD,
  DEFAULT_SEED,
  DEFAULT_SESSIONS,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEFAULT_USERNAME,
  type TestServerOptions,
} from "./options.js";
import { parseInstant } from "./time.js";
import { TOKEN_DATES, type TokenDates } from "./tokens.js";
import { API_VERSIONS, type ApiVersion } from "./versions.js";

export class UsageError extends Error {}

interface CliOption {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in --help (none for a switch). */
  value?: string;
  help: string;
}

/** Every option the CLI takes; --help lists them in this order. */
export const CLI_OPTIONS: Record<string, CliOption> = {
  sessions: { type: "string", value: "N", help: `sessions at start, 0 to 549,755,813,887 (default ${DEFAULT_SESSIONS})` },
  seed: { type: "string", value: "N", help: `the seed the data is derived from (default ${DEFAULT_SEED})` },
  port: { type: "string", value: "N", help: "port on 127.0.0.1 (default 0: any free port, printed in VBM365_URL)" },
  https: { type: "boolean", help: "serve HTTPS with a CA made at start-up, written to the file in VBM365_CA_FILE" },
  now: { type: "string", value: "ISO", help: "reference time: the newest session starts shortly before it (default: now)" },
  "token-ttl": { type: "string", value: "SECONDS", help: `lifetime of access tokens (default ${DEFAULT_TOKEN_TTL_SECONDS})` },
  "token-dates": {
    type: "string",
    value: TOKEN_DATES.join("|"),
    help: "how .issued/.expires are written: iso8601 as the vendor's document declares (default), rfc1123 as servers often do",
  },
  versions: {
    type: "string",
    value: "LIST",
    help: `the API versions served, comma-separated (default ${API_VERSIONS.join(",")}; v6 alone is a v6-era server)`,
  },
  defect: { type: "string", multiple: true, value: "NAME", help: "switch on a deliberate contract violation (repeatable; see below)" },
  help: { type: "boolean", short: "h", help: "print this help" },
};

export function helpText(): string {
  const flag = (name: string, option: CliOption) => `--${name}${option.value ? ` ${option.value}` : ""}`;
  const width = Math.max(...Object.entries(CLI_OPTIONS).map(([name, option]) => flag(name, option).length));
  const column = (name: string, text: string, at: number) => `  ${name.padEnd(at)}  ${text}`;
  const kindWidth = Math.max(...FAULT_KINDS.map((k) => k.length), ...DEFECTS.map((d) => d.length));
  return [
    "usage: vbm365-testkit [options]   (in this repository: pnpm testkit [options])",
    "",
    "Runs a fake VBM365 RestoreSessions server (v6, v7, v8) on loopback until Ctrl+C and prints",
    "VBM365_URL, VBM365_USERNAME, VBM365_PASSWORD, VBM365_TOKEN (and VBM365_CA_FILE).",
    `Log in as ${DEFAULT_USERNAME} / ${DEFAULT_PASSWORD}.`,
    "",
    "Options:",
    ...Object.entries(CLI_OPTIONS).map(([name, option]) => column(flag(name, option), option.help, width)),
    "",
    "Defects (--defect NAME), wrong on purpose so a contract suite can prove it notices:",
    ...DEFECTS.map((name) => column(name, DEFECT_DESCRIPTIONS[name], kindWidth)),
    "",
    "Faults (from code: server.faults.inject({ kind, match?, times?, after?, status?, retryAfter?, delayMs? })):",
    ...FAULT_KINDS.map((name) => column(name, FAULT_DESCRIPTIONS[name], kindWidth)),
  ].join("\n");
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw))
    throw new UsageError(`--${flag} "${raw}" is unknown: use one of ${allowed.join(", ")}`);
  return raw as T;
}

function parseFlags(argv: string[]) {
  const options = Object.fromEntries(
    Object.entries(CLI_OPTIONS).map(([name, { type, multiple, short }]) => [
      name,
      { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) },
    ]),
  );
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values as Record<
      string,
      string | boolean | string[] | undefined
    >;
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(--[a-z-]+)/.exec(message)?.[1];
    if (flag && /ambiguous|missing/.test(message)) {
      throw new UsageError(`${flag} needs a value (a value that starts with "-" is not one)`);
    }
    // node's messages are one line already; drop its hints to keep it short.
    throw new UsageError(message.split(/\. (To specify|This command)/)[0]!.replace(/\n.*/s, ""));
  }
}

/** The server options the flags ask for; `undefined` when --help was asked for. */
export function parseCliArgs(argv: string[]): TestServerOptions | undefined {
  const v = parseFlags(argv);
  if (v.help) return undefined;
  const text = (name: string) => v[name] as string | undefined;
  const options: TestServerOptions = {};
  const sessions = wholeNumber("sessions", text("sessions"), 0, 2 ** 39 - 1);
  if (sessions !== undefined) options.sessions = sessions;
  const seed = wholeNumber("seed", text("seed"), 0, Number.MAX_SAFE_INTEGER);
  if (seed !== undefined) options.seed = seed;
  const port = wholeNumber("port", text("port"), 0, 65535);
  if (port !== undefined) options.port = port;
  const ttl = wholeNumber("token-ttl", text("token-ttl"), 1, 2_147_483_647);
  if (ttl !== undefined) options.tokenTtlSeconds = ttl;
  if (v.https) options.https = true;
  const now = text("now");
  if (now !== undefined) {
    if (parseInstant(now) === undefined) throw new UsageError(`--now "${now}" is not an ISO 8601 date-time such as 2026-01-01T00:00:00Z`);
    options.now = now;
  }
  const tokenDates = text("token-dates");
  if (tokenDates !== undefined) options.tokenDates = oneOf<TokenDates>("token-dates", tokenDates, TOKEN_DATES);
  const versions = text("versions");
  if (versions !== undefined)
    options.versions = versions.split(",").map((version) => oneOf<ApiVersion>("versions", version.trim(), API_VERSIONS));
  const defects = v.defect as string[] | undefined;
  if (defects) options.defects = defects.map((defect) => oneOf<Defect>("defect", defect, DEFECTS));
  return options;
}
