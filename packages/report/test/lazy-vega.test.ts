// Vega and Vega-Lite are heavy to load; the audit CLI imports this package for every command.
// They must load when the first chart is rendered, not when the package is imported.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const built = new URL("../dist/index.js", import.meta.url).href;
const hook = new URL("./support/vega-loads.mjs", import.meta.url).href;

/** Runs `code` (an ES module body with `report` imported) and returns the Vega modules it loaded. */
async function vegaLoadedBy(code: string): Promise<string[]> {
  const script = `import { register } from "node:module"; register(${JSON.stringify(hook)});
const report = await import(${JSON.stringify(built)});
${code}`;
  const { stderr } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
  });
  return stderr.split("\n").filter((line) => line.startsWith("vega loaded:"));
}

describe("Vega", () => {
  it("is not loaded by importing the package and aggregating", async () => {
    const loaded = await vegaLoadedBy(`await report.aggregateReport([], { generator: { tool: "t", version: "0", how: "test" } });`);
    expect(loaded).toEqual([]);
  });

  it("is loaded by the first chart rendered", async () => {
    const loaded = await vegaLoadedBy(`
const aggregates = await report.aggregateReport([], { generator: { tool: "t", version: "0", how: "test" } });
await report.renderChartSvg(report.reportCharts(aggregates)[0]);`);
    expect(loaded.some((line) => /vega-lite/.test(line))).toBe(true);
    expect(loaded.some((line) => /\/vega\//.test(line) || /vega@/.test(line))).toBe(true);
  });
});
