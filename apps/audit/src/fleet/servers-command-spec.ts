// `vbm365-audit servers`: its options and help.
import type { ParseArgsConfig } from "node:util";
import { FLEET_OPTIONS } from "./options.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const SERVERS_OPTIONS = {
  ...FLEET_OPTIONS,
  test: { type: "boolean" },
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  "csv-raw": { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} satisfies Options;

export const SERVERS_HELP = `Usage: vbm365-audit servers [options]

The servers of the configuration file: name, url, API version setting, tags, how each logs
in (never the secret) and its CA file. With --test, logs in to each (at most --parallel at
once) and adds the REST API version it speaks, the round-trip time of one authenticated
request, and the reason when it failed (unreachable, login refused, TLS, API version, timeout,
credentials).

Options:
  --test                log in to each server and measure it
  --config FILE         the configuration file (default: VBM365_CONFIG, ./vbm365.config.yaml,
                        then $XDG_CONFIG_HOME/vbm365/config.yaml or ~/.config/vbm365/config.yaml)
  --server NAME, --tag KEY=VALUE  only these servers (default: every server)
  --parallel N          servers tested at once (default 4)
  --server-timeout DURATION  longest wait for one server (default: its timeout, else 10m)
  -f, --format FORMAT   table, json, ndjson or csv (default: table on a terminal, else ndjson)
  -o, --out FILE        write to FILE instead of stdout
  --debug               details on errors
  -h, --help            this help

Exit codes: 0 every server listed (and with --test answered), 75 some answered, 69 none did
(77 when every one refused the login), 64 bad command line or configuration file.

Examples:
  vbm365-audit servers
  vbm365-audit servers --test
  vbm365-audit servers --test --tag region=eu --format json
`;
