// Global setup: packs every public package with `pnpm pack` and installs the tarballs with
// plain npm (no workspace links) into scratch projects in the system's temp directory, once
// for the whole suite. The test files then use those installs as people do. The teardown
// prints the suite's wall time.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { PUBLIC_PACKAGES, repoRoot, workspaceBin, type PublicPackage, type Scratch } from "../support/paths.js";
import { installGlobally, NPM_QUIET, usersNpmEnv } from "../support/npm.js";
import { runOrThrow } from "../support/run.js";
import { sqlitePrebuildEnv } from "./sqlite-prebuild.js";

// Exact versions: the app's own test runner and Node types, as a consumer would pin them.
const APP_TOOLS = ["vitest@4.1.12", "@types/node@20.19.43"];

async function pack(destination: string): Promise<Record<PublicPackage, string>> {
  mkdirSync(destination, { recursive: true });
  const names = Object.keys(PUBLIC_PACKAGES) as PublicPackage[];
  for (const name of names) {
    await runOrThrow(workspaceBin("pnpm"), ["pack", "--pack-destination", destination], {
      cwd: join(repoRoot, PUBLIC_PACKAGES[name]),
    });
  }
  const files = readdirSync(destination);
  const tarballOf = (name: PublicPackage) => {
    const prefix = `${name.replace("@", "").replace("/", "-")}-`;
    const file = files.find((candidate) => candidate.startsWith(prefix) && candidate.endsWith(".tgz"));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name} into ${destination}: ${files.join(", ")}`);
    return join(destination, file);
  };
  return Object.fromEntries(names.map((name) => [name, tarballOf(name)])) as Record<PublicPackage, string>;
}

async function installApp(app: string, tarballs: Record<PublicPackage, string>, sqlite: Record<string, string>): Promise<void> {
  cpSync(join(repoRoot, "tests/consumers/fixtures/app"), app, { recursive: true });
  const packages = [
    tarballs["@vbm365/client"],
    tarballs["@vbm365/app-support"],
    tarballs["@vbm365/testkit"],
    tarballs["@vbm365/report"],
    tarballs["@vbm365/archive"],
    ...APP_TOOLS,
  ];
  await runOrThrow("npm", ["install", "--save-exact", ...NPM_QUIET, ...packages], { cwd: app, env: { ...usersNpmEnv(), ...sqlite } });
}

/** `npm install -g` into a prefix of our own. The packages the CLI depends on (client,
 * app-support, report, archive) go along because they are not on the registry yet. */
async function installCli(prefix: string, tarballs: Record<PublicPackage, string>, sqlite: Record<string, string>): Promise<void> {
  const packages = [
    tarballs["@vbm365/client"],
    tarballs["@vbm365/app-support"],
    tarballs["@vbm365/report"],
    tarballs["@vbm365/archive"],
    tarballs["@vbm365/audit"],
  ];
  await installGlobally(prefix, packages, { ...usersNpmEnv(), ...sqlite });
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), "vbm365-consumers-"));
  const scratch: Scratch = {
    root,
    tarballs: await pack(join(root, "tarballs")),
    app: join(root, "app"),
    globalPrefix: join(root, "global"),
  };
  const sqlite = await sqlitePrebuildEnv(root);
  await Promise.all([installApp(scratch.app, scratch.tarballs, sqlite), installCli(scratch.globalPrefix, scratch.tarballs, sqlite)]);
  const installed = (performance.now() - started) / 1000;
  project.provide("scratch", scratch);

  return () => {
    rmSync(root, { recursive: true, force: true });
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nconsumer suite: ${seconds.toFixed(1)} s wall time (pack and npm install ${installed.toFixed(1)} s)\n`);
  };
}
