// The global install keeps the user's global npmrc. Corporate machines keep the CA and the
// proxy there (`<node prefix>/etc/npmrc`); `npm install --global --prefix DIR` alone reads
// `DIR/etc/npmrc` instead, and the install fails with "self-signed certificate in
// certificate chain". The marker here is a `cache` setting only the user's global npmrc holds:
// the install must use that cache.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installGlobally, usersGlobalConfig, usersNpmEnv } from "./support/npm.js";
import { runOrThrow } from "./support/run.js";

const root = mkdtempSync(join(tmpdir(), "vbm365-globalconfig-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A package without dependencies, so the install needs no registry. */
async function probeTarball(): Promise<string> {
  const source = join(root, "probe");
  mkdirSync(source);
  const manifest = { name: "global-config-probe", version: "1.0.0", bin: { "global-config-probe": "cli.js" } };
  writeFileSync(join(source, "package.json"), JSON.stringify(manifest));
  writeFileSync(join(source, "cli.js"), "#!/usr/bin/env node\nconsole.log('probe');\n");
  await runOrThrow("npm", ["pack", "--pack-destination", root, "--loglevel=error"], { cwd: source, env: usersNpmEnv() });
  return join(root, "global-config-probe-1.0.0.tgz");
}

/** A machine whose node lives in `nodePrefix`, with a global npmrc there and no user npmrc. */
function machine(globalSettings: string) {
  const nodePrefix = join(root, "node-prefix");
  mkdirSync(join(nodePrefix, "etc"), { recursive: true });
  writeFileSync(join(nodePrefix, "etc", "npmrc"), globalSettings);
  writeFileSync(join(root, "user-npmrc"), "");
  return { ...usersNpmEnv(), npm_config_prefix: nodePrefix, npm_config_userconfig: join(root, "user-npmrc") };
}

describe("npm install --global into a prefix of our own", () => {
  it("keeps the user's global npmrc: the install uses the cache only that file names", async () => {
    const markerCache = join(root, "marker-cache");
    const env = machine(`cache=${markerCache}\n`);
    const tarball = await probeTarball();
    const prefix = join(root, "global");

    expect(await usersGlobalConfig(root, env)).toBe(join(root, "node-prefix", "etc", "npmrc"));
    await installGlobally(prefix, [tarball], env);

    expect(existsSync(join(prefix, "bin", "global-config-probe"))).toBe(true);
    const logs = existsSync(join(markerCache, "_logs")) ? readdirSync(join(markerCache, "_logs")) : [];
    const installLogs = logs.filter((log) => readFileSync(join(markerCache, "_logs", log), "utf8").includes('argv "install" "--global"'));
    expect(installLogs, `npm's install log in ${markerCache}/_logs (found: ${logs.join(", ") || "no log"})`).toHaveLength(1);
  });
});
