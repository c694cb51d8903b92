// Packaging facts of every public package, read from the tarball `pnpm pack` made: the
// licence a scanner looks for, the fields a registry page shows, the files users need and
// nothing else, and publint/attw on the tarball itself.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consumersBin, PUBLIC_PACKAGES, repoRoot, type PublicPackage } from "./support/paths.js";
import { run } from "./support/run.js";
import { scratch } from "./support/scratch.js";
import { filesIn, filesNamedBy, unpack, type Manifest } from "./support/tarball.js";

const rootLicense = () => readFileSync(join(repoRoot, "LICENSE"), "utf8");
const names = Object.keys(PUBLIC_PACKAGES) as PublicPackage[];
/** Never needed by a user: tests, test and build configs, caches. */
const NOT_FOR_USERS =
  /(^|\/)(test|tests|__tests__|\.turbo|\.vitest|node_modules)\/|\.test(-d)?\.[cm]?[jt]s$|(^|\/)tsconfig[^/]*\.json$|(^|\/)vitest\.config\./;

function workspaceManifests(): Manifest[] {
  const folders = [
    "openapi",
    ...["packages", "apps", "tests"].flatMap((group) => readdirSync(join(repoRoot, group)).map((name) => `${group}/${name}`)),
  ];
  return folders
    .map((folder) => join(repoRoot, folder, "package.json"))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")) as Manifest);
}

describe("packaging", () => {
  it("the root LICENSE is the MIT licence the docs promise", () => {
    expect(rootLicense()).toMatch(/^MIT License\n/);
    expect(rootLicense()).toContain("Permission is hereby granted, free of charge");
  });

  it("the packages this suite installs are exactly the workspace's public ones", () => {
    const published = workspaceManifests()
      .filter((manifest) => !manifest.private)
      .map((manifest) => manifest.name);
    expect(published.sort()).toEqual([...names].sort());
  });

  describe.each(names)("%s tarball", (name) => {
    const tarball = () => scratch().tarballs[name];
    const manifestOf = async () => {
      const dir = await unpack(tarball(), join(scratch().root, "unpacked", name.replace("/", "-")));
      return { dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest };
    };

    it("carries the MIT LICENSE file and says MIT, with repository, homepage, bugs and engines", async () => {
      const { dir, manifest } = await manifestOf();
      expect(existsSync(join(dir, "LICENSE")), "LICENSE in the tarball").toBe(true);
      expect(readFileSync(join(dir, "LICENSE"), "utf8")).toBe(rootLicense());
      expect(manifest).toMatchObject({
        license: "MIT",
        repository: { type: "git", url: expect.stringMatching(/^git\+https:\/\/.+\.git$/), directory: PUBLIC_PACKAGES[name] },
        homepage: expect.stringMatching(/^https:\/\//),
        bugs: { url: expect.stringMatching(/^https:\/\//) },
        // The Node releases the matrix of .ci/run tests (22.12 is the first 22 whose require(esm) needs no flag).
        engines: { node: "^20.19.0 || ^22.12.0 || ^24.0.0" },
      });
    });

    it("holds every file its package.json points at, and no tests or build configs", async () => {
      const { manifest } = await manifestOf();
      const files = await filesIn(tarball());
      const named = filesNamedBy(manifest);
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((file) => !files.includes(file))).toEqual([]);
      expect(files.filter((file) => NOT_FOR_USERS.test(file))).toEqual([]);
    });

    it("passes publint --strict", async () => {
      const { dir } = await manifestOf();
      // `--pack false`: the folder is the unpacked tarball already, nothing to pack again.
      const ran = await run(consumersBin("publint"), [dir, "--strict", "--pack", "false"], { cwd: dir });
      expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    });
  });

  it("attw finds the testkit's types and code for ESM consumers", async () => {
    const ran = await run(consumersBin("attw"), [scratch().tarballs["@vbm365/testkit"], "--profile", "esm-only"], { cwd: scratch().root });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
  });
});
