// An HTTPS testkit server with a CA made at start-up: the client and the CLI refuse it
// without that CA and work with it (`ca` / VBM365_CA_FILE); nothing offers to turn the
// certificate check off.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createVbm365Client, Vbm365NetworkError } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "./support/cli.js";

const CERT_ERROR = /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED/;
const CLIENT_DIR = fileURLToPath(new URL("../../../packages/client/", import.meta.url));
let server: TestServer;
let caFile: string;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ https: true, sessions: 120, seed: 5 });
  dir = mkdtempSync(join(tmpdir(), "vbm365-tls-"));
  caFile = join(dir, "ca.pem");
  writeFileSync(caFile, server.ca!);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function causeCodes(error: unknown): string {
  const codes: string[] = [];
  for (let current = error; current; current = (current as { cause?: unknown }).cause)
    codes.push(String((current as { code?: unknown }).code ?? ""));
  return codes.join(" ");
}

describe("TLS: the client", () => {
  it("refuses the server without its CA, at once (a certificate error is not retried)", async () => {
    server.stats.reset();
    const vbm = createVbm365Client({ baseUrl: server.url, auth: { token: server.token }, retry: { retries: 3, minDelayMs: 10_000 } });
    const started = performance.now();
    const error = await vbm.restoreSessions.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Vbm365NetworkError);
    expect(causeCodes(error)).toMatch(CERT_ERROR);
    expect(server.stats.requests).toBe(0); // no request got past the handshake
    expect(performance.now() - started).toBeLessThan(4500); // no backoff (at least 5 s) was waited
  });

  it("works with `ca`, walking every session", async () => {
    const vbm = createVbm365Client({ baseUrl: server.url, auth: { ...server.credentials }, ca: server.ca! });
    const ids: string[] = [];
    for await (const session of vbm.restoreSessions.iterate({ pageSize: 50 })) ids.push(session.id);
    expect(ids).toEqual([...server.data.sessionIds()]);
  });

  it("refuses with a different CA", async () => {
    const other = await startTestServer({ https: true, sessions: 1 });
    try {
      const vbm = createVbm365Client({ baseUrl: server.url, auth: { token: server.token }, ca: other.ca!, retry: false });
      const error = await vbm.restoreSessions.list().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Vbm365NetworkError);
      expect(causeCodes(error)).toMatch(CERT_ERROR);
    } finally {
      await other.close();
    }
  });

  it("has no option that turns the check off, and its source never sets rejectUnauthorized", () => {
    const types = readFileSync(join(CLIENT_DIR, "dist", "settings.d.ts"), "utf8");
    const options = /export interface Vbm365ClientOptions \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? "";
    const names = [...options.matchAll(/^\s{4}(\w+)\??:/gm)].map((match) => match[1]);
    // Every option, so a new one is looked at here: none of them may weaken TLS.
    // `signal` only aborts calls; it reaches no TLS setting.
    expect(names).toEqual(["baseUrl", "auth", "apiVersion", "ca", "timeoutMs", "retry", "maxBodyBytes", "fetch", "signal"]);
    const sources = readdirSync(join(CLIENT_DIR, "src"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const text = readFileSync(join(CLIENT_DIR, "src", file), "utf8");
      expect(text, file).not.toMatch(/rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity|insecure/i);
    }
  });
});

describe("TLS: the audit CLI", () => {
  const env = () => ({ VBM365_URL: server.url, VBM365_TOKEN: server.token });

  it("refuses without VBM365_CA_FILE, naming the fix", async () => {
    const run = await runAudit(["sessions", "--all", "--format", "ndjson"], env());
    expect(run.code).toBe(69);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/cannot trust the certificate.*VBM365_CA_FILE/);
  });

  it("works with VBM365_CA_FILE, every session once", async () => {
    const run = await runAudit(["sessions", "--all", "--format", "ndjson", "--page-size", "50"], { ...env(), VBM365_CA_FILE: caFile });
    expect(run.code, run.stderr).toBe(0);
    const ids = run.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual([...server.data.sessionIds()]);
  });

  it("offers no flag that turns the check off, in any command's --help", async () => {
    for (const command of ["", "sessions", "events", "report", "stop", "check"]) {
      const run = await runAudit(command ? [command, "--help"] : ["--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/VBM365_CA_FILE/);
      expect(run.stdout).not.toMatch(/insecure|no-verify|skip-tls|reject-?unauthorized|--no-check|\s-k\b/i);
    }
  });

  it("an unknown flag like --insecure is refused as a usage error", async () => {
    const run = await runAudit(["sessions", "--all", "--insecure"], { ...env() });
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/insecure/);
  });
});

describe("TLS: Node's own NODE_TLS_REJECT_UNAUTHORIZED=0", () => {
  // Not an option of ours: Node's process-wide switch. We only show what it does, so the
  // README can say it plainly; Node prints its warning to stderr whenever it is set.
  it("is honoured by Node in the CLI, with Node's warning on stderr", async () => {
    const run = await runAudit(["sessions", "--all", "--format", "ndjson"], {
      VBM365_URL: server.url,
      VBM365_TOKEN: server.token,
      NODE_TLS_REJECT_UNAUTHORIZED: "0",
    });
    expect(run.stderr).toMatch(/NODE_TLS_REJECT_UNAUTHORIZED.*insecure/);
    expect({ code: run.code }).toEqual({ code: 0 });
  });
});
