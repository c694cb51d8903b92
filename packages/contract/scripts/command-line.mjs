// The two scripts' command lines read the same way: options parsed strictly (a `--` that pnpm
// passes along is dropped), --help prints the usage, and a mistake is one line plus the usage
// with exit code 2, never a stack trace.
import { parseArgs } from "node:util";

/** Ends the process with `name: message` and the usage. */
export function usageError(name, usage, message) {
  console.error(`${name}: ${message}\n${usage}`);
  process.exit(2);
}

/** The parsed option values; exits on --help or a mistake. */
export function readCommandLine(name, usage, options) {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: { ...options, help: { type: "boolean", short: "h", default: false } },
    }));
  } catch (error) {
    usageError(name, usage, error.message);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
