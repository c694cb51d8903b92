// Which configured servers a command runs against: --server NAME (repeatable), --tag KEY=VALUE
// (repeatable; every tag must match) or --all-servers. A name or tag that selects nothing is an
// error naming what exists, never an empty run that looks like a quiet fleet.
import type { ServerSettings } from "../servers.js";

export interface ServerChoice {
  names?: readonly string[];
  tags?: readonly string[];
  all?: boolean;
}

export class SelectionError extends Error {
  override name = "SelectionError";
}

export function isFleetChoice(choice: ServerChoice): boolean {
  return Boolean(choice.all || choice.names?.length || choice.tags?.length);
}

export function parseTag(text: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0 || at === text.length - 1)
    throw new SelectionError(`--tag '${text.slice(0, 60)}' must be KEY=VALUE, such as --tag customer=contoso`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

export function selectServers(servers: readonly ServerSettings[], choice: ServerChoice): ServerSettings[] {
  if (choice.all && (choice.names?.length || choice.tags?.length)) {
    throw new SelectionError("--all-servers already selects every server: drop --server and --tag, or drop --all-servers");
  }
  if (choice.all) return [...servers];
  const byName = new Map(servers.map((server) => [server.name.toLowerCase(), server]));
  const chosen = new Set<ServerSettings>();
  for (const name of choice.names ?? []) {
    const server = byName.get(name.toLowerCase());
    if (!server)
      throw new SelectionError(
        `no server named '${name.slice(0, 60)}' in the configuration: the servers are ${servers.map((s) => s.name).join(", ")}`,
      );
    chosen.add(server);
  }
  const wanted = (choice.tags ?? []).map(parseTag);
  if (wanted.length > 0) {
    const matching = servers.filter((server) => wanted.every(([key, value]) => server.tags[key]?.toLowerCase() === value.toLowerCase()));
    if (matching.length === 0) {
      throw new SelectionError(
        `no server has ${wanted.map(([key, value]) => `${key}=${value}`).join(" and ")}: the tags in use are ${tagsInUse(servers) || "none"}`,
      );
    }
    for (const server of matching) chosen.add(server);
  }
  // Configuration order, whatever order the flags came in: listings are stable.
  return servers.filter((server) => chosen.has(server));
}

function tagsInUse(servers: readonly ServerSettings[]): string {
  const pairs = new Set(servers.flatMap((server) => Object.entries(server.tags).map(([key, value]) => `${key}=${value}`)));
  return [...pairs].sort().join(", ");
}
