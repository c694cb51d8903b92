// The audit CLI as `npm install -g` put it into the scratch prefix: run by name from the
// scratch folder, found on the PATH as a shell would find it.
import { join } from "node:path";
import { type Ran, run } from "./run.js";
import { scratch } from "./scratch.js";

export function installedAudit(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const { globalPrefix, root } = scratch();
  return run("vbm365-audit", args, {
    cwd: root,
    env: { PATH: `${join(globalPrefix, "bin")}:${process.env.PATH ?? ""}`, NO_COLOR: "1", ...env },
  });
}
