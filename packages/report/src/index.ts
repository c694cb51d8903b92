export { aggregateReport, DEFAULT_TABLE_LIMIT } from "./aggregate.js";
export { actionRow, ACTION_COLUMNS, isAction } from "./action-row.js";
export { reportCharts, renderChartSvg } from "./charts.js";
export type { ChartTable, ReportChart } from "./charts.js";
export { actionCsvHeader, actionCsvLine, createActionCsvWriter } from "./csv.js";
export type { ActionCsvWriter } from "./csv.js";
export { renderReportHtml } from "./html.js";
export type { HtmlOptions } from "./html.js";
export { ACTION_TYPES, SERVICES, actionLabel, serviceLabel } from "./labels.js";
export type {
  ActionRow,
  CountAndSize,
  NamedCount,
  ReportAggregates,
  ReportInput,
  ReportNote,
  ReportOptions,
  ReportSelection,
  RestoredObject,
  TimelineBucket,
} from "./types.js";
