import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const childModule = fileURLToPath(new URL("../dist/child.js", import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startServerChild", () => {
  it("leaves no server running when the bench process dies without stopping it", async () => {
    // A parent that starts the loopback server, prints its pid and exits at once.
    const parent = `const { startServerChild } = await import(${JSON.stringify(childModule)});
      const server = await startServerChild("loopback-server.js", []);
      console.log(server.pid); process.exit(0);`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", parent]);
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    for (let waited = 0; alive(pid) && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const stillAlive = alive(pid);
    if (stillAlive) process.kill(pid);
    expect(stillAlive).toBe(false);
  });
});
