// The report as one self-contained HTML file: styles and SVG charts inline, no script,
// and a Content-Security-Policy that lets nothing run or load when it is opened.
import { reportCharts, renderChartSvg, type ChartTable, type ReportChart } from "./charts.js";
import { actionLabel, serviceLabel } from "./labels.js";
import { REPORT_CSS } from "./styles.js";
import { cellHtml, count, escapeHtml, humanBytes } from "./text.js";
import type { ActionRow, NamedCount, ReportAggregates } from "./types.js";

export interface HtmlOptions {
  /** The name of the CSV with every action, written beside the report (named in the text). */
  csvFileName?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const bytesCell = (bytes: number | null) =>
  bytes === null ? '<td class="num"></td>' : `<td class="num"><data value="${bytes}">${escapeHtml(humanBytes(bytes))}</data></td>`;
const countCell = (n: number) => `<td class="num"><data value="${n}">${count(n)}</data></td>`;

function headerHtml(report: ReportAggregates): string {
  const period = `${report.period.from ?? "(no start)"} to ${report.period.to ?? "(no end)"}`;
  const actions = report.period.firstAction ? `; actions from ${report.period.firstAction} to ${report.period.lastAction}` : "";
  const servers =
    report.servers.length === 0
      ? "(none in the data)"
      : report.servers.map((server) => `${server.name} (REST API ${server.apiVersion}, ${count(server.sessions)} sessions)`).join(", ");
  const organizations =
    report.organizations.length === 0 ? "(none in the data)" : report.organizations.map((organization) => organization.name).join(", ");
  const selection = report.selection;
  const filters =
    [
      selection.servers.length ? `servers ${selection.servers.join(", ")}` : "",
      selection.organizations.length ? `organizations ${selection.organizations.join(", ")}` : "",
      selection.actionTypes.length ? `action types ${selection.actionTypes.map(actionLabel).join(", ")}` : "",
      selection.services.length ? `services ${selection.services.map(serviceLabel).join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ") || "none (everything in the period)";
  const rows: [string, string][] = [
    ["Period (session start, UTC)", cellHtml(period) + cellHtml(actions)],
    ["Servers", cellHtml(servers)],
    ["Organizations", cellHtml(organizations)],
    ["Filters", cellHtml(filters)],
    ["Made", cellHtml(`${report.generated.at} by ${report.generated.how}`)],
    ["Tool", cellHtml(`${report.generated.tool} ${report.generated.version}`)],
  ];
  return `<header><h1>Restore audit report</h1><dl class="header">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl></header>`;
}

function totalsHtml(report: ReportAggregates): string {
  const t = report.totals;
  return `<section aria-labelledby="totals"><h2 id="totals">Totals</h2><ul class="totals">
<li id="total-sessions"><strong><data value="${t.sessions}">${count(t.sessions)}</data></strong>restore sessions</li>
<li id="total-actions"><strong><data value="${t.actions}">${count(t.actions)}</data></strong>restore actions</li>
<li id="total-bytes"><strong><data value="${t.bytes}">${escapeHtml(humanBytes(t.bytes))}</data></strong>restored (${count(t.bytes)} bytes)</li>
</ul></section>`;
}

function notesHtml(report: ReportAggregates): string {
  if (report.notes.length === 0) return "";
  const items = report.notes.map((note) => `<li data-note="${escapeHtml(note.code)}">${cellHtml(note.text)}</li>`).join("");
  return `<section aria-labelledby="notes"><h2 id="notes">What the data cannot answer</h2><ul class="notes">${items}</ul></section>`;
}

function numbersTable(chart: ReportChart, table: ChartTable): string {
  const numeric = (i: number) => table.rows.some((row) => typeof row[i] === "number");
  const head = table.columns.map((column, i) => `<th scope="col"${numeric(i) ? ' class="num"' : ""}>${cellHtml(column)}</th>`).join("");
  const body =
    table.rows.length === 0
      ? `<tr><td colspan="${table.columns.length}">No actions.</td></tr>`
      : table.rows
          .map(
            (row) => `<tr>${row.map((cell) => (typeof cell === "number" ? countCell(cell) : `<td>${cellHtml(cell)}</td>`)).join("")}</tr>`,
          )
          .join("");
  return `<table class="numbers" data-chart="${chart.id}"><caption>The numbers behind "${escapeHtml(chart.title)}"</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

async function chartHtml(chart: ReportChart): Promise<string> {
  // The figure's role="img" and aria-label are the text alternative; Vega's own ARIA roles on
  // the marks would be a second, label-less tree under it, so the SVG is hidden from it.
  const svg = (await renderChartSvg(chart)).replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
  return `<section aria-labelledby="${chart.id}-title"><h2 id="${chart.id}-title">${escapeHtml(chart.title)}</h2>
<figure><div class="chart" id="${chart.id}" role="img" aria-label="${escapeHtml(chart.description)}">${svg}</div>
<figcaption>${cellHtml(chart.description)}</figcaption></figure>
${numbersTable(chart, chart.table)}</section>`;
}

function breakdownHtml(id: string, title: string, entries: NamedCount[], label: (code: string) => string): string {
  const rows =
    entries.length === 0
      ? '<tr><td colspan="3">No actions.</td></tr>'
      : entries
          .map((entry) => `<tr><td>${cellHtml(label(entry.name))}</td>${countCell(entry.actions)}${bytesCell(entry.bytes)}</tr>`)
          .join("");
  return `<table id="${id}"><caption>${escapeHtml(title)}</caption><thead><tr><th scope="col">name</th><th scope="col" class="num">actions</th><th scope="col" class="num">restored size</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const ACTION_HEADERS = [
  "time",
  "server",
  "organization",
  "initiator",
  "client host",
  "item",
  "type",
  "size",
  "source",
  "destination",
  "status",
  "action",
  "service",
  "session",
];

function actionRowHtml(row: ActionRow): string {
  const text = [row.time, row.server, row.organization, row.initiatedBy, row.clientHost, row.itemName, row.itemType]
    .map((value) => `<td>${cellHtml(value)}</td>`)
    .join("");
  const rest = [row.source, row.target, row.status, actionLabel(row.action), serviceLabel(row.service)]
    .map((value) => `<td>${cellHtml(value)}</td>`)
    .join("");
  const session = `<td>${cellHtml(row.sessionName)}<br><code>${cellHtml(row.sessionId)}</code></td>`;
  return `<tr>${text}${bytesCell(row.itemSizeBytes)}${rest}${session}</tr>`;
}

function actionsHtml(report: ReportAggregates, options: HtmlOptions): string {
  const { total, shown } = report.actions;
  const csv = options.csvFileName ? ` Every action is in ${cellHtml(options.csvFileName)}, written beside this file.` : "";
  const summary = total > shown ? `The first ${count(shown)} of ${count(total)} actions.${csv}` : `All ${count(total)} actions.`;
  const head = ACTION_HEADERS.map((header) => `<th scope="col"${header === "size" ? ' class="num"' : ""}>${header}</th>`).join("");
  const body =
    shown === 0 ? `<tr><td colspan="${ACTION_HEADERS.length}">No actions.</td></tr>` : report.actions.rows.map(actionRowHtml).join("\n");
  return `<section class="actions" aria-labelledby="actions"><h2 id="actions">Every action</h2><p id="actions-shown">${summary}</p>
<table class="actions"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></section>`;
}

/** The whole report as one HTML document. */
export async function renderReportHtml(report: ReportAggregates, options: HtmlOptions = {}): Promise<string> {
  const charts = await Promise.all(reportCharts(report).map(chartHtml));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${report.generated.tool} ${report.generated.version}`)}">
<title>Restore audit report ${escapeHtml(report.period.from?.slice(0, 10) ?? "")} to ${escapeHtml(report.period.to?.slice(0, 10) ?? "")}</title>
<style>${REPORT_CSS}</style></head>
<body><main>
${headerHtml(report)}
${totalsHtml(report)}
${notesHtml(report)}
<div class="grid">${charts.join("\n")}</div>
<section aria-labelledby="breakdowns"><h2 id="breakdowns">By action type and by service</h2>
${breakdownHtml("by-action-type", "Restore actions by action type", report.byActionType, actionLabel)}
${breakdownHtml("by-service", "Restore actions by Microsoft 365 service", report.byService, serviceLabel)}
</section>
${actionsHtml(report, options)}
</main></body></html>
`;
}
