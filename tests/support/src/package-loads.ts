// Which packages a piece of code loads, seen from a child Node process with a resolve hook:
// for tests that keep heavy or native dependencies out of a program's start-up.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const HOOK = new URL("./package-loads-hook.js", import.meta.url).href;

/**
 * Runs `moduleBody` (an ES module body; top-level await allowed) in a new Node process
 * started in `cwd`, and returns the names of the packages from node_modules it loaded.
 */
export async function packagesLoadedBy(moduleBody: string, cwd: string): Promise<Set<string>> {
  const script = `import { register } from "node:module";\nregister(${JSON.stringify(HOOK)});\n${moduleBody}`;
  const { stderr } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd });
  const names = stderr.split("\n").flatMap((line) => (line.startsWith("package loaded: ") ? [line.slice(16)] : []));
  return new Set(names);
}
