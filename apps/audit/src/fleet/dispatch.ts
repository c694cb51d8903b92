// Where a command goes when it names configured servers instead of VBM365_URL.
import type { Values } from "../commands/common.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { fleetCheckCommand } from "./check.js";
import { fleetReportCommand, fleetSessionsCommand } from "./listings.js";
import { wantsFleet } from "./options.js";

type Runner = (ctx: CliContext, values: Values) => Promise<number>;

const FLEET_RUNNERS: Record<string, Runner> = {
  sessions: fleetSessionsCommand,
  report: fleetReportCommand,
  check: fleetCheckCommand,
};

/** The fleet runner for `command` when its flags ask for configured servers; undefined to run as before. */
export function fleetRunner(command: "sessions" | "report" | "check", values: Values): Runner | undefined {
  // --archive reads the archive, which holds every server's rows: no server is asked.
  if (!wantsFleet(values) || values.archive !== undefined) return undefined;
  if (values.url !== undefined)
    throw new UsageError(
      "--url and the configured servers (--config, --server, --tag, --all-servers) cannot be combined: pick one",
      command,
    );
  return FLEET_RUNNERS[command];
}
