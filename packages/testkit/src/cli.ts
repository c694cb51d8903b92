#!/usr/bin/env node
// `pnpm testkit --sessions 500 [--seed N] [--port 4011] [--https]`: runs the test server
// until interrupted and prints how to reach it. The flags and --help: cli-args.ts.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helpText, parseCliArgs, UsageError } from "./cli-args.js";
import type { TestServerOptions } from "./options.js";
import { startTestServer } from "./server.js";

async function main(): Promise<void> {
  let options: TestServerOptions | undefined;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`testkit: ${error.message} (see --help)`);
    process.exitCode = 2;
    return;
  }
  if (options === undefined) {
    console.log(helpText());
    return;
  }
  let server: Awaited<ReturnType<typeof startTestServer>>;
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
