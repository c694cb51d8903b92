// What the Report view's `GET /api/report` answers: the aggregates of @vbm365/report and
// each chart rendered to SVG by the same package, with its text alternative and numbers.
import type { ChartTable, ReportAggregates } from "@vbm365/report";

export interface ReportChartAnswer {
  id: string;
  title: string;
  description: string;
  table: ChartTable;
  /** The chart as an SVG document, rendered on the server by Vega. */
  svg: string;
}

export interface ReportResponse {
  report: ReportAggregates;
  charts: ReportChartAnswer[];
}
