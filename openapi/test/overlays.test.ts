// Redocly skips an overlay action whose target matches nothing, without a word. So each
// action of each layer is taken out once, in a copy of the spec, and the bundle must then
// differ from the full one: an action that changes nothing (a mistyped target) fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { redocly } from "../scripts/redocly.mjs";
import { copySpec, specRoot } from "./spec-copy.js";

const layers = ["v7", "v8"] as const;
// Each bundle is one Redocly run: about a second, more on a busy machine.
const timeout = 300_000;

describe.each(layers)("every action of the %s overlay", (version) => {
  const copy = copySpec();
  afterAll(() => copy.remove());
  const overlayFile = `versions/${version}/overlay.yaml`;
  const actions: { target: string }[] = parse(readFileSync(join(specRoot, overlayFile), "utf8")).actions;

  const bundle = () => {
    const run = redocly(["bundle", `vbm365@${version}`, "--output", "bundle.json"], { cwd: copy.dir });
    if (run.status !== 0) throw new Error(`bundling ${version} failed:\n${run.stderr}`);
    return readFileSync(join(copy.dir, "bundle.json"), "utf8");
  };

  it(
    "changes the bundle",
    () => {
      const full = bundle();
      const idle = actions.flatMap((action, index) => {
        copy.edit(overlayFile, (overlay) => overlay.actions.splice(index, 1));
        const without = bundle();
        copy.write(overlayFile, readFileSync(join(specRoot, overlayFile), "utf8"));
        return without === full ? [`action ${index} (target ${action.target})`] : [];
      });
      expect(idle, "these actions change nothing: check their targets against `redocly bundle` output").toEqual([]);
    },
    timeout,
  );
});
