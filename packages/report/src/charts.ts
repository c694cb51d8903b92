// The report's charts: Vega-Lite specifications rendered to SVG by Vega in Node (no
// browser, no canvas). The CLI's HTML and the dashboard both take them from here.
import type { TopLevelSpec } from "vega-lite";
import { actionLabel, serviceLabel } from "./labels.js";
import { plainText } from "./text.js";
import type { ReportAggregates } from "./types.js";

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ReportChart {
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words. */
  description: string;
  /** The numbers behind the chart. */
  table: ChartTable;
  spec: TopLevelSpec;
}

const WIDTH = 560;
// Shared look: system fonts (nothing to fetch), no interactive ARIA tree (the figure around
// the SVG carries the text alternative), labels long enough for user principal names.
const CONFIG = {
  font: "system-ui, sans-serif",
  aria: false,
  axis: { labelLimit: 260, labelFontSize: 11, titleFontSize: 11 },
  legend: { labelLimit: 200 },
  view: { stroke: null },
} as const;

function barChart(
  id: string,
  title: string,
  description: string,
  values: { label: string; value: number }[],
  axisTitle: string,
  bytes: boolean,
): ReportChart {
  return {
    id,
    title,
    description,
    table: { columns: ["name", axisTitle], rows: values.map((entry) => [entry.label, entry.value]) },
    spec: {
      width: WIDTH - 300,
      height: { step: 20 },
      config: CONFIG,
      data: { values },
      mark: { type: "bar", color: "#2f6fab" },
      encoding: {
        y: { field: "label", type: "nominal", sort: null, title: null },
        x: { field: "value", type: "quantitative", title: axisTitle, axis: { format: bytes ? "~s" : "~d", tickMinStep: bytes ? 0 : 1 } },
      },
    },
  };
}

function overTimeChart(
  id: string,
  title: string,
  description: string,
  aggregates: ReportAggregates,
  by: "byActionType" | "byService",
  label: (code: string) => string,
): ReportChart {
  const values = aggregates.timeline.buckets.flatMap((bucket) =>
    Object.entries(bucket[by]).map(([code, actions]) => ({ start: bucket.start, series: plainText(label(code)), actions })),
  );
  const unit = aggregates.timeline.unit;
  return {
    id,
    title,
    description,
    table: pivot(aggregates, by, label),
    spec: {
      width: WIDTH - 140,
      height: 180,
      config: CONFIG,
      data: { values },
      mark: { type: "bar" },
      encoding: {
        x: {
          field: "start",
          type: "ordinal",
          timeUnit: unit === "hour" ? "utcyearmonthdatehours" : "utcyearmonthdate",
          title: `${unit} (UTC)`,
          axis: { labelAngle: -45, labelOverlap: true },
        },
        y: { field: "actions", type: "quantitative", stack: "zero", title: "actions", axis: { tickMinStep: 1, format: "~d" } },
        color: {
          field: "series",
          type: "nominal",
          title: by === "byActionType" ? "action type" : "service",
          scale: { scheme: "tableau10" },
        },
      },
    },
  };
}

/** One row per bucket, one column per series, so the numbers read like the chart. */
function pivot(aggregates: ReportAggregates, by: "byActionType" | "byService", label: (code: string) => string): ChartTable {
  const codes = [...new Set(aggregates.timeline.buckets.flatMap((bucket) => Object.keys(bucket[by])))];
  return {
    columns: [`${aggregates.timeline.unit} (UTC)`, ...codes.map((code) => plainText(label(code))), "total"],
    rows: aggregates.timeline.buckets.map((bucket) => {
      const counts = codes.map((code) => bucket[by][code] ?? 0);
      return [bucket.start, ...counts, counts.reduce((a, b) => a + b, 0)];
    }),
  };
}

const sum = (entries: { actions: number }[]) => entries.reduce((total, entry) => total + entry.actions, 0);

/** Every chart of the report, with its text alternative and its numbers. */
export function reportCharts(aggregates: ReportAggregates): ReportChart[] {
  const top = (entries: { name: string; actions: number; bytes: number }[], field: "actions" | "bytes") =>
    entries.map((entry) => ({ label: plainText(entry.name), value: entry[field] }));
  const lead = (entries: { name: string }[]) => (entries[0] ? ` The first is ${plainText(entries[0].name)}.` : "");
  const objects = aggregates.topObjects.map((object) => ({
    name: `${object.kind}: ${object.name}`,
    actions: object.actions,
    bytes: object.bytes,
  }));
  return [
    barChart(
      "operators-by-actions",
      "Top 10 operators by restore actions",
      `Bar chart of the ${aggregates.topOperatorsByActions.length} operators with the most restore actions.${lead(aggregates.topOperatorsByActions)}`,
      top(aggregates.topOperatorsByActions, "actions"),
      "actions",
      false,
    ),
    barChart(
      "operators-by-size",
      "Top 10 operators by restored size",
      `Bar chart of the ${aggregates.topOperatorsBySize.length} operators who restored the most bytes.${lead(aggregates.topOperatorsBySize)}`,
      top(aggregates.topOperatorsBySize, "bytes"),
      "bytes",
      true,
    ),
    barChart(
      "objects-by-actions",
      "Top 10 restored objects by actions",
      `Bar chart of the ${objects.length} mailboxes, OneDrives, sites and teams restored from most often.${lead(objects)}`,
      top(objects, "actions"),
      "actions",
      false,
    ),
    overTimeChart(
      "actions-over-time",
      "Actions by type over time",
      `Stacked bar chart of ${sum(aggregates.byActionType)} actions per ${aggregates.timeline.unit}, split by action type (restore in place, export, send, save, view).`,
      aggregates,
      "byActionType",
      actionLabel,
    ),
    overTimeChart(
      "services-over-time",
      "Actions by service over time",
      `Stacked bar chart of ${sum(aggregates.byService)} actions per ${aggregates.timeline.unit}, split by Microsoft 365 service.`,
      aggregates,
      "byService",
      serviceLabel,
    ),
  ];
}

// Vega and Vega-Lite load on the first chart rendered: a program that imports the package
// and never renders one (the audit CLI's other commands, a report's aggregates alone) does
// not pay for loading them.
let renderers: Promise<[typeof import("vega"), typeof import("vega-lite")]> | undefined;

/** One chart as an SVG document (text), rendered headless by Vega. */
export async function renderChartSvg(chart: ReportChart): Promise<string> {
  renderers ??= Promise.all([import("vega"), import("vega-lite")]);
  const [vega, vegaLite] = await renderers;
  const view = new vega.View(vega.parse(vegaLite.compile(chart.spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
