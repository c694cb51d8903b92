// The --help texts of `archive` and of the --archive option of the reading commands.

export const ARCHIVE_READ_HELP = `  --archive [FILE|URL]  read the restore archive instead of the server (no server is contacted):
                        the one named, else VBM365_ARCHIVE, else the configuration file's
                        archive:, else ./vbm365-archive.db; a postgres:// URL names a
                        PostgreSQL archive. Same flags and output (--asc and --sort endTime
                        excepted); --server NAME reads only that archived server's rows;
                        fill it with 'archive sync'`;

export const ARCHIVE_HELP = (connection: string, common: string, output: string) => `Usage: vbm365-audit archive sync|status [options]

The restore archive keeps the server's restore history (sessions, their events, the
organization, v8 statistics) beyond the server's retention, in one SQLite file (default
./vbm365-archive.db) or a PostgreSQL database. 'sessions', 'events', 'report' and 'check'
read it with --archive.

  archive sync          copy new and changed sessions from the server (VBM365_URL or --url),
                        or from the configured servers (--all-servers, --server, --tag: at
                        most --parallel at once, each under its name in the file; exit 75
                        when some failed, each named on stderr);
                        the first run takes the whole history the server still has, later
                        runs start at the newest archived session less --overlap; nothing is
                        ever deleted: sessions the server no longer lists are marked pruned.
                        Safe to kill and rerun; a second sync at the same time is refused.
  archive status        per server: sessions, pruned, events, oldest and newest session, the
                        last sync and its outcome

Options:
  --archive FILE|URL    the archive (default: VBM365_ARCHIVE, else the configuration file's
                        archive:, else ./vbm365-archive.db);
                        postgres://user:password@host:5432/db for PostgreSQL
  --name NAME           sync: the VBM365_URL server's name in the archive (default "default");
                        use one name per server to archive several into one archive
  --server NAME         status: only this server's row (repeatable); sync: a configured server
  --overlap DURATION    sync: how far before the newest archived session to start (default 24h)
  --quiet               sync: no progress line and no summary line
${output}
${common}

Examples:
  vbm365-audit archive sync
  vbm365-audit archive sync --name vbm01 --archive postgres://audit@db.example/vbm365
  vbm365-audit archive sync --all-servers --parallel 4
  vbm365-audit archive status
  vbm365-audit sessions --archive --from 2025-01-01 --to 2025-02-01

Exit codes: 0 ok, 64 bad command line, 69 server unreachable or answering garbage, 74 the archive
cannot be opened or written (missing, damaged, locked, newer release, disk full, another sync
running), 75 some of the configured servers were not synced, 77 server or PostgreSQL refused
the credentials.

${connection}
  VBM365_ARCHIVE                  the archive: a file path or a postgres:// URL
`;
