// The "Workflows" section of the v6 page, generated from openapi/workflows: every file and
// workflow is there, every step names what it calls, and every operation link lands on an
// operation of the page.
import { describe, expect, it } from "vitest";
import { readWorkflows, withWorkflows, workflowsMarkdown } from "../lib/workflows.mjs";
import { operations, spec, specOf } from "./spec.js";

const docs = readWorkflows();
const section = (page: { info: { description: string } }) => page.info.description.slice(page.info.description.indexOf("## Workflows"));

describe("the workflows section", () => {
  const page = withWorkflows(spec, () => docs);

  it("is read from every Arazzo file", () => {
    expect(docs.map((d: { file: string }) => d.file)).toEqual([
      "audit-window.arazzo.yaml",
      "inspect-session.arazzo.yaml",
      "log-in.arazzo.yaml",
      "stop-session.arazzo.yaml",
    ]);
  });

  it("ends the v6 description, after the spec's own text, with every workflow and step", () => {
    expect(page.info.description.startsWith(spec.info.description)).toBe(true);
    const text = section(page);
    for (const doc of docs) {
      expect(text).toContain(`### ${doc.info.title}`);
      for (const workflow of doc.workflows) {
        expect(text).toContain(`#### \`${workflow.workflowId}\``);
        for (const step of workflow.steps) expect(text).toContain(`| \`${step.stepId}\`: `);
      }
    }
    expect(text).toContain("pnpm contract --workflows");
  });

  it("links each called operation to its place on the page, and only operations the page has", () => {
    const links = [...section(page).matchAll(/\]\(#operation\/([^)]+)\)/g)].map((m) => m[1]);
    const ids = new Set(operations.map(({ operation }) => operation.operationId));
    expect(new Set(links)).toEqual(
      new Set([
        "token",
        "RestoreSession_GetPage",
        "RestoreSession_GetByRestoreSessionId",
        "RestoreSessionEvent_Get",
        "RestoreSessionEvent_GetById",
        "BackupOrganization_GetByRestoreSessionId",
        "RestoreSession_StopAction",
      ]),
    );
    for (const id of links) expect(ids.has(id!), id).toBe(true);
  });

  it("names an operation the page lacks as text, never as a link that leads nowhere", () => {
    const text = workflowsMarkdown(docs, new Set(["token"]));
    expect(text).toContain("[token](#operation/token)");
    expect(text).not.toContain("(#operation/RestoreSession_GetPage)");
    expect(text).toContain("| `RestoreSession_GetPage` |");
  });

  it("is left off the v7 and v8 pages, which the v6 workflows do not describe", () => {
    for (const version of ["v7", "v8"] as const) {
      const other = specOf(version);
      expect(withWorkflows(other, () => docs)).toBe(other);
    }
  });
});
