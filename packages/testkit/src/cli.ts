#!/usr/bin/env node
// `pnpm testkit --sessions 500 [--seed N] [--port 4011] [--https]`: runs the test server
// until interrupted and prints how to reach it.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFECTS, type Defect } from "./defects.js";
import { parseInstant } from "./time.js";
import { type TestServerOptions } from "./options.js";
import { startTestServer } from "./server.js";
import { TOKEN_DATES, type TokenDates } from "./tokens.js";

const USAGE =
  "usage: pnpm testkit [--sessions N] [--seed N] [--port N] [--https] [--now ISO] [--token-ttl SECONDS] [--defect NAME]...";

class UsageError extends Error {}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function parseCliArgs(argv: string[]): TestServerOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        sessions: { type: "string" },
        seed: { type: "string" },
        port: { type: "string" },
        https: { type: "boolean" },
        now: { type: "string" },
        "token-ttl": { type: "string" },
        "token-dates": { type: "string" },
        defect: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(--[a-z-]+)/.exec(message)?.[1];
    if (flag && /ambiguous|missing/.test(message)) {
      throw new UsageError(`${flag} needs a value (a value that starts with "-" is not one)`);
    }
    // node's messages are one line already; drop its hints to keep it short.
    throw new UsageError(message.split(/\. (To specify|This command)/)[0]!.replace(/\n.*/s, ""));
  }
  const v = parsed.values;
  if (v.help) throw new UsageError("help");
  const options: TestServerOptions = {};
  const sessions = wholeNumber("sessions", v.sessions, 0, 2 ** 39 - 1);
  if (sessions !== undefined) options.sessions = sessions;
  const seed = wholeNumber("seed", v.seed, 0, Number.MAX_SAFE_INTEGER);
  if (seed !== undefined) options.seed = seed;
  const port = wholeNumber("port", v.port, 0, 65535);
  if (port !== undefined) options.port = port;
  const ttl = wholeNumber("token-ttl", v["token-ttl"], 1, 2_147_483_647);
  if (ttl !== undefined) options.tokenTtlSeconds = ttl;
  if (v.https) options.https = true;
  if (v.now !== undefined) {
    if (parseInstant(v.now) === undefined) throw new UsageError(`--now "${v.now}" is not an ISO 8601 date-time such as 2026-01-01T00:00:00Z`);
    options.now = v.now;
  }
  const tokenDates = v["token-dates"];
  if (tokenDates !== undefined) {
    if (!(TOKEN_DATES as readonly string[]).includes(tokenDates)) {
      throw new UsageError(`--token-dates "${tokenDates}" is unknown: use one of ${TOKEN_DATES.join(", ")}`);
    }
    options.tokenDates = tokenDates as TokenDates;
  }
  for (const defect of v.defect ?? []) {
    if (!(DEFECTS as readonly string[]).includes(defect)) {
      throw new UsageError(`--defect "${defect}" is unknown: use one of ${DEFECTS.join(", ")}`);
    }
  }
  if (v.defect) options.defects = v.defect as Defect[];
  return options;
}

async function main(): Promise<void> {
  let options: TestServerOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError && error.message === "help") {
      console.log(USAGE);
      return;
    }
    console.error(`testkit: ${(error as Error).message} (see --help)`);
    process.exitCode = 2;
    return;
  }
  let server;
  try {
    server = await startTestServer(options);
  } catch (error) {
    // e.g. the port is taken, or an option is out of range: one line, no stack.
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "EADDRINUSE"
        ? `port ${options.port} is in use: pick another with --port, or --port 0 for any free one`
        : code === "EACCES"
          ? `port ${options.port} needs privileges: pick one above 1023`
          : (error as Error).message.replace(/^startTestServer: /, "");
    console.error(`testkit: ${message}`);
    process.exitCode = 1;
    return;
  }
  const lines = [
    `vbm365 testkit server: ${server.data.sessionCount()} sessions (seed ${options.seed ?? 1})`,
    `VBM365_URL=${server.url}`,
    `VBM365_USERNAME=${server.credentials.username}`,
    `VBM365_PASSWORD=${server.credentials.password}`,
    `VBM365_TOKEN=${server.token}`,
  ];
  let caFile: string | undefined;
  if (server.ca) {
    caFile = join(tmpdir(), `vbm365-testkit-ca-${server.port}.pem`);
    writeFileSync(caFile, server.ca);
    lines.push(`VBM365_CA_FILE=${caFile}`);
  }
  lines.push("Press Ctrl+C to stop.");
  const stop = () =>
    void server.close().then(() => {
      if (caFile) rmSync(caFile, { force: true });
      process.exit(0);
    });
  // Before printing: whoever reads the banner may signal at once.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log(lines.join("\n"));
}

await main();
