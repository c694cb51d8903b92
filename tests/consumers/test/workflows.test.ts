// The repository's GitHub workflows, checked here so a broken one fails `npm test` instead
// of a push: each validates against the workflow schema (action-validator, from npm), and
// each does the job its name promises.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { consumersBin, repoRoot } from "./support/paths.js";
import { run } from "./support/run.js";

const workflowsDir = join(repoRoot, ".github/workflows");
const files = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const scratchDir = mkdtempSync(join(tmpdir(), "vbm365-workflows-"));
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  jobs: Record<string, { steps?: Step[] }>;
}

const workflow = (name: string) => parse(readFileSync(join(workflowsDir, name), "utf8")) as Workflow;
const steps = (name: string) => Object.values(workflow(name).jobs).flatMap((job) => job.steps ?? []);
const validate = (file: string) => run(consumersBin("action-validator"), [file], { cwd: repoRoot });

describe("GitHub workflows", () => {
  it("are the three a team expects: ci, docs, release", () => {
    expect(files).toEqual(["ci.yml", "docs.yml", "release.yml"]);
  });

  it.each(files)("%s validates against the workflow schema", async (name) => {
    const ran = await validate(join(workflowsDir, name));
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
  });

  it("the validator rejects a workflow with a misspelt key (so a pass above means something)", async () => {
    const broken = join(scratchDir, "broken.yml");
    writeFileSync(broken, readFileSync(join(workflowsDir, "ci.yml"), "utf8").replace("runs-on:", "runs_on:"));
    const ran = await validate(broken);
    expect(ran.code).toBe(1);
    expect(ran.stdout + ran.stderr).toContain("runs_on");
  });

  it("ci runs .ci/run itself on pushes to main and on pull requests", () => {
    expect(workflow("ci.yml").on).toMatchObject({ push: { branches: ["main"] }, pull_request: null });
    expect(steps("ci.yml").map((step) => step.run)).toContain("bash .ci/run");
  });

  it("docs publishes apps/docs/dist to GitHub Pages on pushes to main", () => {
    expect(workflow("docs.yml").on).toMatchObject({ push: { branches: ["main"] } });
    const used = steps("docs.yml");
    expect(used.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"))?.with).toEqual({ path: "apps/docs/dist" });
    expect(used.some((step) => step.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });

  it("release runs changesets' action, publishing with changeset publish", () => {
    expect(workflow("release.yml").on).toMatchObject({ push: { branches: ["main"] } });
    const release = steps("release.yml").find((step) => step.uses?.startsWith("changesets/action@"));
    expect(release?.with).toMatchObject({ publish: "pnpm changeset publish", version: "pnpm changeset version" });
  });
});
