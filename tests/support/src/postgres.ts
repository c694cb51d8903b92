// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp dir, listening
// on loopback only, stopped and removed afterwards. initdb and pg_ctl refuse to run as root, so as root
// they run as the `postgres` user (runuser) on a data dir that user owns.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PG_PASSWORD = "vbm365-test-cluster-password";

export interface PostgresCluster {
  /** postgres://postgres:PASSWORD@127.0.0.1:PORT */
  root: string;
  port: number;
  stop(): void;
}

/** The newest installed PostgreSQL's bin directory (Debian's layout), or undefined. */
export function postgresBin(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], "bin") : undefined;
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. Under CI=true missing binaries fail. */
export function postgresMissing(): string | undefined {
  if (postgresBin()) return undefined;
  const reason = "PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)";
  if (process.env.CI === "true") throw new Error(`${reason}: the PostgreSQL archive tests must run in CI`);
  return reason;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL binaries not found");
  const dir = mkdtempSync(join(tmpdir(), "vbm365-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : join(bin, tool), asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : args, {
      stdio: "pipe",
      timeout: 60_000,
    });
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, PG_PASSWORD);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "-A", "scram-sha-256", `--pwfile=${pwfile}`, "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  // fsync off: a test cluster trades durability for speed.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
  return {
    root: `postgres://postgres:${PG_PASSWORD}@127.0.0.1:${port}`,
    port,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
