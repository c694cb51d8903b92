// Makes a fresh clone runnable with nothing but Node and npm: fetches the pinned pnpm
// through npx (corepack is not assumed) and installs the workspace when it is missing
// or older than the lockfile.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pnpmVersion = JSON.parse((await import("node:fs")).readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];

const marker = join(root, "node_modules", ".modules.yaml");
const lockfile = join(root, "pnpm-lock.yaml");
const localPnpm = join(root, "node_modules", ".bin", "pnpm");

const installed =
  existsSync(marker) && existsSync(localPnpm) && (!existsSync(lockfile) || statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs);

if (!installed) {
  const args = ["-y", `pnpm@${pnpmVersion}`, "install"];
  if (process.env.CI) args.push("--frozen-lockfile");
  console.error(`[bootstrap] installing dependencies with pnpm ${pnpmVersion}`);
  try {
    execFileSync("npx", args, { cwd: root, stdio: "inherit" });
  } catch {
    console.error("[bootstrap] pnpm install failed; see the output above.");
    process.exit(1);
  }
}
