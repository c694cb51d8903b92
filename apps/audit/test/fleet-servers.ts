// A fleet for tests: testkits that speak v6 only, up to v7 and up to v8, one whose
// configured password is wrong, and a TCP listener that accepts and never answers; plus the
// configuration file naming them, with secrets in private files and in the environment.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer, type TestServer } from "@vbm365/testkit";

export interface TestFleet {
  servers: { v6: TestServer; v7: TestServer; v8: TestServer; refusing: TestServer };
  silentUrl: string;
  folder: string;
  configPath: string;
  /** The environment the CLI needs for the configuration's env references. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Accepts connections and never writes a byte: a server that hangs. */
async function startSilent(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startFleet(sessions = 300, now = "2026-11-30T12:00:00Z"): Promise<TestFleet> {
  const [v6, v7, v8, refusing] = await Promise.all([
    startTestServer({ sessions, seed: 61, now, versions: ["v6"] }),
    startTestServer({ sessions, seed: 71, now, versions: ["v6", "v7"] }),
    startTestServer({ sessions, seed: 81, now }),
    startTestServer({ sessions, seed: 91, now }),
  ]);
  const silent = await startSilent();
  const folder = mkdtempSync(join(tmpdir(), "vbm365-fleet-"));
  const passwordFile = join(folder, "v8.password");
  writeFileSync(passwordFile, `${v8.credentials.password}\n`);
  chmodSync(passwordFile, 0o600);
  const configPath = join(folder, "vbm365.config.yaml");
  writeFileSync(
    configPath,
    `defaults:
  token: { env: FLEET_TOKEN_V6 }
servers:
  - name: v6-only
    url: ${v6.url}
    tags: { customer: contoso, region: eu }
  - name: v7
    url: ${v7.url}
    token: { command: "printf %s \\"$FLEET_TOKEN_V7\\"" }
    tags: { customer: fabrikam, region: us }
  - name: v8
    url: ${v8.url}
    username: ${v8.credentials.username}
    password: { file: v8.password }
    tags: { customer: northwind, region: eu }
  - name: refusing
    url: ${refusing.url}
    username: ${refusing.credentials.username}
    password: { env: FLEET_WRONG_PASSWORD }
  - name: silent
    url: ${silent.url}
`,
  );
  return {
    servers: { v6, v7, v8, refusing },
    silentUrl: silent.url,
    folder,
    configPath,
    env: { FLEET_TOKEN_V6: v6.token, FLEET_TOKEN_V7: v7.token, FLEET_WRONG_PASSWORD: "not-the-password" },
    async close() {
      await Promise.all([v6.close(), v7.close(), v8.close(), refusing.close(), silent.close()]);
    },
  };
}
