// Consumer 4: the audit CLI as an admin installs it: `npm install -g` of the packed tarball
// into a prefix of our own, then the installed `vbm365-audit` on the PATH, run outside the
// workspace against a testkit.
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedAudit as audit } from "./support/installed-cli.js";
import { scratch } from "./support/scratch.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sessions: 25, seed: 9 });
});
afterAll(() => server?.close());

describe("audit CLI installed with npm install -g", () => {
  it("--version prints the installed package's version", async () => {
    const installed = join(scratch().globalPrefix, "lib/node_modules/@vbm365/audit/package.json");
    const { version } = JSON.parse(readFileSync(installed, "utf8")) as { version: string };
    const ran = await audit(["--version"]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout.trim()).toContain(version);
  });

  it("sessions lists every session of the testkit in the window", async () => {
    const ran = await audit(["sessions", "--all", "--format", "json"], { VBM365_URL: server.url, VBM365_TOKEN: server.token });
    expect(ran.code, ran.stderr).toBe(0);
    const rows = JSON.parse(ran.stdout) as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual([...server.data.sessionIds()]);
  });
});
