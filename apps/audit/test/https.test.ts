// A self-signed server: trusted through VBM365_CA_FILE, refused (one line, exit 69) without it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { lines, runCli } from "./run-cli.js";
import { parseFormat } from "./rows.js";

let server: TestServer;
let dir: string;
let caFile: string;
beforeAll(async () => {
  server = await startTestServer({ sessions: 120, seed: 3, https: true });
  dir = await mkdtemp(join(tmpdir(), "vbm365-audit-ca-"));
  caFile = join(dir, "ca.pem");
  await writeFile(caFile, server.ca!);
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("VBM365_CA_FILE trusts the server's CA; password login works over https", async () => {
  const env = {
    VBM365_URL: server.url,
    VBM365_USERNAME: server.credentials.username,
    VBM365_PASSWORD: server.credentials.password,
    VBM365_CA_FILE: caFile,
  };
  const result = await runCli(["sessions", "--all", "--page-size", "50", "--format", "ndjson"], { env });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(parseFormat("ndjson", result.stdout).map((row) => row.id)).toEqual([...server.data.sessionIds()]);
});

test("without the CA: one line naming the certificate problem and VBM365_CA_FILE, exit 69", async () => {
  const result = await runCli(["sessions"], { env: { VBM365_URL: server.url, VBM365_TOKEN: server.token } });
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(/cannot trust the certificate of https:\/\/127\.0\.0\.1:\d+ \([A-Z_]+\): set VBM365_CA_FILE/);
  expect(result.code).toBe(69);
});

test("an unreadable VBM365_CA_FILE or --out path is a one-line error", async () => {
  const missingCa = await runCli(["sessions"], {
    env: { VBM365_URL: server.url, VBM365_TOKEN: server.token, VBM365_CA_FILE: join(dir, "nope.pem") },
  });
  expect(missingCa.stderr).toMatch(/^vbm365-audit: VBM365_CA_FILE .*nope\.pem: ENOENT: point it at the PEM file/);
  expect(missingCa.code).toBe(64);
  const env = { VBM365_URL: server.url, VBM365_TOKEN: server.token, VBM365_CA_FILE: caFile };
  const badOut = await runCli(["sessions", "--out", join(dir, "no-such-dir", "x.csv")], { env });
  expect(lines(badOut.stderr)).toEqual([
    expect.stringMatching(/^vbm365-audit: cannot write --out .*x\.csv: ENOENT: check the folder exists/),
  ]);
  expect(badOut.code).toBe(74);
});
