// One PostgreSQL cluster for the whole run (each test makes its own database in it).
import type { TestProject } from "vitest/node";
import { postgresMissing, startPostgres, type PostgresCluster } from "@vbm365/test-support/postgres";

let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.warn(`\n*** SKIPPING the PostgreSQL archive tests: ${missing} ***\n`);
    project.provide("postgresRoot", "");
    return;
  }
  cluster = await startPostgres();
  project.provide("postgresRoot", cluster.root);
}

export function teardown(): void {
  cluster?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresRoot: string;
  }
}
