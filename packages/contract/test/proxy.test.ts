// `pnpm mock:proxy`: Prism in front of a server forwards traffic and flags answers that
// break the spec. Here the server is a testkit with the wrongType defect (a page's limit
// is a string): a single session passes through untouched, the page is turned into
// Prism's violation error.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@vbm365/openapi/mock";
import { startTestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../scripts/proxy.mjs", import.meta.url));
const { VBM365_URL: _ignored, ...envWithoutUrl } = process.env;

async function waitForAnswer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mock:proxy exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`mock:proxy did not answer within 30 s:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("pnpm mock:proxy --upstream URL", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let proxy: ChildProcess;
  let proxyUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ sessions: 5, seed: 3, defects: ["wrongType"] });
    const port = await freePort();
    proxyUrl = `http://127.0.0.1:${port}`;
    let output = "";
    proxy = spawn(process.execPath, [script, "--upstream", server.url, "--port", String(port)], {
      env: envWithoutUrl,
      stdio: ["ignore", "pipe", "pipe"],
    });
    proxy.stdout!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    proxy.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    await waitForAnswer(`${proxyUrl}/v6/RestoreSessions`, proxy, () => output);
  });

  afterAll(async () => {
    if (proxy && proxy.exitCode === null) {
      const exited = new Promise((resolve) => proxy.once("exit", resolve));
      proxy.kill("SIGTERM");
      await exited;
    }
    await server?.close();
  });

  const auth = () => ({ authorization: `Bearer ${server.token}` });

  it("forwards a valid answer from the server unchanged, with no violations", async () => {
    const id = server.data.session(0).id;
    const res = await fetch(`${proxyUrl}/v6/RestoreSessions/${id}`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get("sl-violations")).toBeNull();
    expect(((await res.json()) as { id: string }).id).toBe(id);
  });

  it("turns an answer that breaks the spec into Prism's violation error naming the field", async () => {
    const res = await fetch(`${proxyUrl}/v6/RestoreSessions?limit=2`, { headers: auth() });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { type: string; validation: { location: string[]; code: string }[] };
    expect(body.type).toMatch(/#VIOLATIONS$/);
    expect(body.validation).toContainEqual(expect.objectContaining({ location: ["response", "body", "limit"], code: "type" }));
    expect(res.headers.get("sl-violations")).toContain("limit");
  });
});

describe("pnpm mock:proxy with bad arguments", () => {
  it.each([
    [[], /give the server to check with --upstream URL/],
    [["--upstream", "not a url"], /--upstream "not a url" is not a URL/],
    [["--upstream", "ftp://host"], /must be http:\/\/ or https:\/\//],
    [["--upstream", "http://127.0.0.1:1", "--port", "http"], /--port "http" is not a port number/],
    [["--upstrem", "http://127.0.0.1:1"], /Unknown option '--upstrem'/],
  ])("%j exits 2 with one clear line and the usage", (args, message) => {
    const result = spawnSync(process.execPath, [script, ...args], { env: envWithoutUrl, encoding: "utf8" });
    expect(result.status).toBe(2);
    const [first, second] = result.stderr.trim().split("\n");
    expect(first).toMatch(message);
    expect(second).toMatch(/^usage: pnpm mock:proxy --upstream/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
