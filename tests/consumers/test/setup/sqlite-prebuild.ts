// @vbm365/archive needs better-sqlite3, a native module. npm installs it by downloading a
// prebuilt binary (prebuild-install), or, where that host cannot be reached (this machine
// and CI reach the npm registry only), by compiling it for minutes. The binary the workspace
// already built is offered as the "local prebuild" prebuild-install looks for first, so the
// scratch installs get the same file a download would give, without the compile.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { repoRoot } from "../support/paths.js";
import { runOrThrow } from "../support/run.js";

/** Environment for npm that points prebuild-install at the workspace's binary. */
export async function sqlitePrebuildEnv(root: string): Promise<Record<string, string>> {
  const require = createRequire(join(repoRoot, "packages/archive/package.json"));
  const packageDir = dirname(require.resolve("better-sqlite3/package.json"));
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const folder = join(root, "prebuilds");
  mkdirSync(folder, { recursive: true });
  // The file name prebuild-install asks for: {name}-v{version}-node-v{abi}-{platform}-{arch}.tar.gz
  const tarball = join(folder, `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  await runOrThrow("tar", ["-czf", tarball, "-C", packageDir, "build/Release/better_sqlite3.node"], { cwd: packageDir });
  return { npm_config_better_sqlite3_local_prebuilds: folder };
}
