import { parseArgs } from "node:util";
import { bareArchiveFlag } from "../archive-flag.js";
import { UsageError } from "../errors.js";
import { COMMANDS, type CommandName } from "./spec.js";

export type ParsedCommand =
  | { kind: "help"; command?: CommandName }
  | { kind: "version" }
  | { kind: "run"; command: CommandName; values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

// Flags that would put a secret into shell history and `ps`: refused with a pointer to the environment.
// A Map: an argument such as `constructor` must not find Object's own properties.
const SECRET_FLAGS = new Map([
  ["--password", "set VBM365_PASSWORD, or leave it unset to be prompted"],
  ["--token", "set VBM365_TOKEN"],
]);

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [first, ...given] = argv;
  const rest = bareArchiveFlag(given);
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) throw unknownCommand(topic);
    return { kind: "help", command: topic as CommandName | undefined };
  }
  if (first === "--version" || first === "-V") return { kind: "version" };
  if (first.startsWith("-")) {
    throw new UsageError(
      `expected a command before '${first.split("=")[0]}': run vbm365-audit sessions|events|report|stop|check|servers|archive`,
    );
  }
  if (!Object.hasOwn(COMMANDS, first)) throw unknownCommand(first);
  const command = first as CommandName;

  for (const arg of rest) {
    const flag = arg.split("=")[0]!;
    const hint = SECRET_FLAGS.get(flag);
    if (hint)
      throw new UsageError(`${flag} is not accepted on the command line (it would be visible in shell history and ps): ${hint}`, command);
  }
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "help", command };

  const spec = COMMANDS[command];
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof spec.options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, command), command);
  }
  const expected = spec.positionals;
  if (parsed.positionals.length < expected.length) {
    throw new UsageError(
      `'${command}' needs <${expected[parsed.positionals.length]}>: vbm365-audit ${command} <${expected.join("> <")}>`,
      command,
    );
  }
  if (parsed.positionals.length > expected.length) {
    throw new UsageError(`unexpected argument '${parsed.positionals[expected.length]}' for '${command}'`, command);
  }
  return {
    kind: "run",
    command,
    values: parsed.values as Record<string, string | boolean | string[] | undefined>,
    positionals: parsed.positionals,
  };
}

function unknownCommand(name: string): UsageError {
  return new UsageError(`unknown command '${name}': use sessions, events, report, stop, check, servers or archive`);
}

// parseArgs' own messages are long and suggest '--' tricks; say it in our words.
function describeParseError(error: unknown, command: string): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? "")?.[1];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option '${option ?? "?"}' for '${command}'`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing|ambiguous/.test(message ?? "")
        ? `option '${option ?? "?"}' needs a value`
        : `option '${option ?? "?"}' takes no value`;
    default:
      return `cannot read the command line: ${message ?? String(error)}`;
  }
}
