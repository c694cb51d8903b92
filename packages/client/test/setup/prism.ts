// Starts Prism from the bundled spec on a free loopback port for the integration tests.
import type { TestProject } from "vitest/node";
import { startMock } from "@vbm365/openapi/mock";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}
