// `--archive`: sessions, events, report and check read the restore archive instead of a
// live server. The archive is served through the same AuditApi the commands already use,
// so flags, filters, formats and output stay exactly those of the live commands.
import { archiveLocation, ArchiveError, GarbageAnswerError, openArchive, type ArchiveReader } from "@vbm365/archive";
import type { ApiVersion } from "@vbm365/client";
import { connect, type AuditApi, type ConnectOptions, type SessionQuery } from "./api.js";
import { resolveArchiveSetting } from "./archive-default.js";
import type { CliContext } from "./context.js";
import { CliError, UsageError } from "./errors.js";
import { EXIT } from "./exit-codes.js";

type Values = Record<string, string | boolean | string[] | undefined>;

/** The setting as messages show it (a PostgreSQL password masked); the password joins the secrets scrubbed from all output. */
export function archiveLabel(ctx: CliContext, setting: string): string {
  const location = archiveLocation(setting);
  if (location.kind === "postgres") {
    try {
      const password = decodeURIComponent(new URL(location.url).password);
      if (password) ctx.secrets.push(password);
    } catch {
      // An unreadable URL fails when it is opened, with its own message.
    }
  }
  return location.label;
}

/** An archive failure as the CLI reports it: one line and an exit code. */
export function archiveFailure(error: unknown): unknown {
  if (error instanceof GarbageAnswerError) {
    return new CliError(
      `the server's answer is not valid: ${error.message}: check that --url / VBM365_URL points at the VBM365 REST API; what was archived is kept`,
      EXIT.unavailable,
      { cause: error },
    );
  }
  if (!(error instanceof ArchiveError)) return error;
  return new CliError(error.message, error.kind === "login" ? EXIT.noPermission : EXIT.ioError, { cause: error });
}

// Readers opened by this run, closed by main() when the command ends (a PostgreSQL pool
// would otherwise stay open in a process that runs many commands, such as the tests).
const open = new Set<ArchiveReader>();

export async function closeOpenArchives(): Promise<void> {
  const readers = [...open];
  open.clear();
  await Promise.all(readers.map((reader) => reader.close().catch(() => {})));
}

export async function openArchiveReader(values: Values, ctx: CliContext): Promise<ArchiveReader> {
  const setting = resolveArchiveSetting(values, ctx);
  archiveLabel(ctx, setting);
  try {
    const reader = await openArchive(setting);
    open.add(reader);
    return reader;
  } catch (error) {
    throw archiveFailure(error);
  }
}

/** The live server, or with --archive the archive (no server is contacted then). */
export async function connectOrArchive(ctx: CliContext, values: Values, options: ConnectOptions = {}): Promise<AuditApi> {
  if (values.archive === undefined) return connect(ctx, values, options);
  if (values.url !== undefined) throw new UsageError("--url and --archive exclude each other: the archive is read instead of a server");
  return archiveApi(await openArchiveReader(values, ctx), archivedServers(values));
}

// Versions in order: the archive answers as the oldest version among its servers, so v8-only
// report columns appear only when every archived session has them.
const VERSIONS: readonly ApiVersion[] = ["v6", "v7", "v8"];

/** --server NAME with --archive: only those servers' rows (the names the syncs gave them). */
export function archivedServers(values: Values): string[] | undefined {
  if (values.tag !== undefined)
    throw new UsageError("--tag is not available with --archive, which knows servers by name: pick them with --server NAME");
  const names = values.server as string[] | undefined;
  return names && names.length > 0 ? names : undefined;
}

async function archiveApi(reader: ArchiveReader, servers?: readonly string[]): Promise<AuditApi> {
  const picked = (server: string) => servers === undefined || servers.includes(server);
  const statuses = (await guarded(() => reader.status())).filter((status) => picked(status.server));
  const spoken = statuses.map((server) => VERSIONS.indexOf(server.apiVersion as ApiVersion)).filter((index) => index >= 0);
  const version = VERSIONS[spoken.length > 0 ? Math.min(...spoken) : 0]!;
  const find = async (id: string) => {
    const [found] = (await guarded(() => reader.findSession(id))).filter((match) => picked(match.server));
    if (!found)
      throw new CliError(
        `the archive ${reader.location.label} has no restore session ${id}: check the id with 'vbm365-audit sessions --archive'`,
        EXIT.notFound,
      );
    return found;
  };
  return {
    version,
    async *sessions(query: SessionQuery) {
      // The archive lists newest first by start time: another order would need sorting it all.
      if (query.orderAsc === true || query.orderBy === "EndTime") {
        throw new UsageError(
          "--asc and --sort endTime are not available with --archive, which lists newest first by start time: drop them",
        );
      }
      const window = {
        ...(servers ? { servers: [...servers] } : {}),
        ...(query.startTimeFrom ? { from: String(query.startTimeFrom) } : {}),
        ...(query.startTimeTo ? { to: String(query.startTimeTo) } : {}),
      };
      try {
        for await (const { session } of reader.sessions(window)) yield session;
      } catch (error) {
        throw archiveFailure(error);
      }
    },
    async *events(id: string) {
      const { server } = await find(id);
      yield* await guarded(() => reader.events(server, id));
    },
    async statistics(id: string) {
      const { server } = await find(id);
      const statistics = await guarded(() => reader.statistics(server, id));
      if (!statistics)
        throw new CliError(
          `the archive has no statistics for restore session ${id}: run 'vbm365-audit archive sync' against its v8 server`,
          EXIT.notFound,
        );
      return statistics;
    },
    get: async (id: string) => (await find(id)).session,
    stop: async () => {
      throw new UsageError("an archived session cannot be stopped: run stop against the live server");
    },
  };
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw archiveFailure(error);
  }
}
