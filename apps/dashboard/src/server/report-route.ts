// The Report view's data: /api/report answers the report's aggregates and its charts (SVG
// rendered by @vbm365/report, the same code as the CLI's HTML report); /api/report/html
// answers the same report as the HTML file to download. The window's sessions come from
// the window store (cached, capped); their events are read 4 sessions at a time.
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import type { RestoreSession } from "@vbm365/client";
import {
  ACTION_TYPES,
  aggregateReport,
  reportCharts,
  renderChartSvg,
  renderReportHtml,
  type ReportAggregates,
  type ReportInput,
} from "@vbm365/report";
import type { ReportResponse } from "../shared/report-api.js";
import { HttpError } from "./http-error.js";
import { BadRequest, parseSessionsQuery, readParams } from "./query.js";
import { allow, sendJson, type ApiContext } from "./routes.js";
import { matchesFilters } from "./sessions.js";

export const REPORT_ROUTES = ["/api/report", "/api/report/html"];
// Sessions whose events are read at once; the events of one session, at most.
const CONCURRENCY = 4;
const EVENTS_PER_SESSION = 100_000;
const SERVER_NAME = "default";
const TABLE_LIMIT = 200;

const sessionParams = ["from", "to", "type", "state", "result", "initiatedBy"];
const reportParams = [...sessionParams, "organization", "action"];

async function* withEvents(sessions: readonly RestoreSession[], context: ApiContext, gone: AbortSignal): AsyncGenerator<ReportInput> {
  for (let start = 0; start < sessions.length; start += CONCURRENCY) {
    const batch = sessions.slice(start, start + CONCURRENCY);
    const read = await Promise.all(batch.map((session) => context.source.events(session.id, EVENTS_PER_SESSION, gone)));
    for (const [i, session] of batch.entries()) yield { server: SERVER_NAME, session, events: read[i]!.events };
  }
}

async function buildReport(url: URL, context: ApiContext, gone: AbortSignal, version: string): Promise<ReportAggregates> {
  const params = readParams(url.searchParams, reportParams);
  const query = parseSessionsQuery(new URLSearchParams([...params].filter(([name]) => sessionParams.includes(name))));
  const action = params.get("action");
  if (action && !ACTION_TYPES.some((type) => type === action)) throw new BadRequest(`"action" must be one of ${ACTION_TYPES.join(", ")}.`);
  const organization = params.get("organization");
  const read = await context.windows.get(query.from, query.to, gone);
  const sessions = read.sessions.filter((session) => matchesFilters(session, query));
  const apiVersion = await context.source.apiVersion();
  return aggregateReport(withEvents(sessions, context, gone), {
    selection: {
      from: query.from,
      to: query.to,
      ...(organization ? { organizations: [organization] } : {}),
      ...(action ? { actionTypes: [action] } : {}),
    },
    serverVersions: new Map([[SERVER_NAME, apiVersion]]),
    generator: { tool: "vbm365 dashboard", version, how: `the dashboard's Report view, from the live server (REST API ${apiVersion})` },
    tableLimit: TABLE_LIMIT,
  });
}

/** Answers the two report routes. */
export async function routeReport(
  method: string,
  res: ServerResponse,
  url: URL,
  gone: AbortSignal,
  context: ApiContext,
  version: string,
): Promise<void> {
  allow(method, ["GET"]);
  const report = await buildReport(url, context, gone, version);
  if (url.pathname === "/api/report/html") {
    const html = await renderReportHtml(report);
    const day = (iso: string | null) => (iso ?? "").slice(0, 10);
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": Buffer.byteLength(html),
      "Content-Disposition": `attachment; filename="restore-report-${day(report.period.from)}-to-${day(report.period.to)}.html"`,
      "Cache-Control": "no-store",
    });
    res.end(html);
    return;
  }
  const charts = await Promise.all(
    reportCharts(report).map(async (chart) => ({
      id: chart.id,
      title: chart.title,
      description: chart.description,
      table: chart.table,
      svg: await renderChartSvg(chart),
    })),
  );
  const body: ReportResponse = { report, charts };
  sendJson(res, 200, body);
}

export function isReportRoute(pathname: string): boolean {
  if (!pathname.startsWith("/api/report")) return false;
  if (!REPORT_ROUTES.includes(pathname))
    throw new HttpError(404, `No such report route; the dashboard answers ${REPORT_ROUTES.join(" and ")}.`);
  return true;
}

let cachedVersion: string | undefined;
/** The dashboard's version, for the report's header (its package.json, found upwards from here: src/ or dist/). */
export function dashboardVersion(): string {
  if (cachedVersion) return cachedVersion;
  for (let up = "../"; up.length < 16; up += "../") {
    const file = new URL(`${up}package.json`, import.meta.url);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "@vbm365/dashboard" && pkg.version) {
      cachedVersion = pkg.version;
      return cachedVersion;
    }
  }
  return "unknown";
}
