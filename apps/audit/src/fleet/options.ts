// The fleet's command-line options and help, shared by every command: which configured
// servers to ask (--server, --tag, --all-servers), how many at once and for how long.
import type { ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const FLEET_OPTIONS = {
  config: { type: "string" },
  server: { type: "string", multiple: true },
  tag: { type: "string", multiple: true },
  "all-servers": { type: "boolean" },
  parallel: { type: "string" },
  "server-timeout": { type: "string" },
} satisfies Options;

type Values = Record<string, string | boolean | string[] | undefined>;

/** Whether the command runs against configured servers rather than VBM365_URL. */
export function wantsFleet(values: Values): boolean {
  return values.config !== undefined || values.server !== undefined || values.tag !== undefined || values["all-servers"] === true;
}

export const FLEET_HELP = `Servers from the configuration file (see 'Fleet' in the README; vbm365-audit servers lists them):
  --config FILE         the configuration file (default: VBM365_CONFIG, else ./vbm365.config.yaml,
                        else $XDG_CONFIG_HOME/vbm365/config.yaml or ~/.config/vbm365/config.yaml)
  --server NAME         ask this configured server (repeatable)
  --tag KEY=VALUE       ask the servers with this tag, such as customer=contoso (repeatable: all must match)
  --all-servers         ask every configured server (--all means every session of a server)
  --parallel N          servers asked at once, 1-64 (default: parallel in the file, else 4)
  --server-timeout DURATION  longest time for one server, such as 90s or 5m (default: its
                        timeout in the file, else 10m); a server past it is reported, never waited on
  With several servers every row gains a server column and rows are sorted across the fleet;
  each failing server is named on stderr with its reason. Exit 0 when every server answered,
  75 when some did (their rows are printed), else the failure's code (69, or 77 when every
  server refused the login).`;
