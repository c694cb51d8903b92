// Starts Prism serving the bundled spec, for tests and `pnpm mock`. Prism logs every
// request; tests get it quiet unless asked, the foreground mock keeps the log.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { bundlePaths, bundleYamlPath } from "./index.js";

const require = createRequire(import.meta.url);
const prismBin = require.resolve("@stoplight/prism-cli/dist/index.js");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `prism mock` on 127.0.0.1 and resolves once it answers. `version` serves that API
 * version's bundle (v6 when neither it nor `spec` is given).
 * @param {{ port?: number, quiet?: boolean, args?: string[], spec?: string, version?: "v6" | "v7" | "v8", startTimeoutMs?: number }} [options]
 */
export async function startMock(options = {}) {
  const port = options.port ?? (await freePort());
  const spec = options.spec ?? (options.version ? bundlePaths(options.version).yaml : bundleYamlPath);
  const args = ["mock", spec, "-h", "127.0.0.1", "-p", String(port), ...(options.args ?? [])];
  const child = spawn(process.execPath, [prismBin, ...args], {
    stdio: options.quiet === false ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-4000)));

  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Prism starts in about a second on an idle machine, but a CI box running every suite at
  // once can take far longer; a generous bound only costs time when Prism is truly stuck.
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Prism exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      // Any answer means Prism listens (a path of another version gets a 404).
      await fetch(`${url}/v6/RestoreSessions`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`Prism did not answer on ${url} within ${startTimeoutMs / 1000} s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    port,
    child,
    async close() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
