#!/usr/bin/env node
import { main } from "./main.js";

// A closed stdout (`| head`) is not an error worth a message.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  secrets: [],
});
// Let stdout drain before leaving: process.exit() could cut off a large piped output.
process.exitCode = exitCode;
