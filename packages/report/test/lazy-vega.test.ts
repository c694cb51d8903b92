// Vega and Vega-Lite are heavy to load; the audit CLI imports this package for every command.
// They must load when the first chart is rendered, not when the package is imported.
import { packagesLoadedBy } from "@vbm365/test-support/package-loads";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const built = JSON.stringify(new URL("../dist/index.js", import.meta.url).href);
const here = fileURLToPath(new URL("..", import.meta.url));
const aggregate = `const report = await import(${built});
const aggregates = await report.aggregateReport([], { generator: { tool: "t", version: "0", how: "test" } });`;

describe("Vega", () => {
  it("is not loaded by importing the package and aggregating", async () => {
    const loaded = await packagesLoadedBy(aggregate, here);
    expect(loaded.has("vega")).toBe(false);
    expect(loaded.has("vega-lite")).toBe(false);
  });

  it("is loaded by the first chart rendered", async () => {
    const loaded = await packagesLoadedBy(`${aggregate}\nawait report.renderChartSvg(report.reportCharts(aggregates)[0]);`, here);
    expect(loaded.has("vega")).toBe(true);
    expect(loaded.has("vega-lite")).toBe(true);
  });
});
