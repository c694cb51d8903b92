// The Report view: the same charts, top lists and notes as `vbm365-audit report --html`, for
// the chosen window and filters, and a button that downloads that HTML file. The charts are
// rendered on the server by @vbm365/report (the CLI's code); the page only places them.
import type { ReportChartAnswer, ReportResponse } from "../src/shared/report-api.js";
import { accessTokenHeader, apiHeader } from "../src/shared/api.js";
import { readAccessToken } from "./access.js";
import { call } from "./api.js";
import { h } from "./dom.js";
import { formatCount } from "./format.js";
import "./report.css";
import type { ViewState } from "./state.js";

export interface ReportView {
  /** The window or the filters changed: an open report is read again. */
  stateChanged(): void;
}

type Current = () => { state: ViewState; window: { from: string; to: string } };

function reportQuery(current: Current): string {
  const { state, window } = current();
  const params = new URLSearchParams({ from: window.from, to: window.to });
  for (const [name, value] of [
    ["type", state.type],
    ["state", state.state],
    ["result", state.result],
    ["initiatedBy", state.initiatedBy],
  ] as const) {
    if (value) params.set(name, value);
  }
  return params.toString();
}

// The SVG comes from our server (Vega's output, text escaped); it is parsed as SVG, not HTML,
// and anything that could run or load is dropped all the same.
function chartSvg(markup: string): Node {
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
  for (const element of [parsed, ...parsed.querySelectorAll("*")]) {
    if (["script", "foreignObject", "a", "image", "use"].includes(element.localName)) element.remove();
    for (const attribute of [...element.attributes]) if (/^on|href$/i.test(attribute.name)) element.removeAttribute(attribute.name);
  }
  parsed.setAttribute("aria-hidden", "true");
  return document.importNode(parsed, true);
}

function numbersTable(chart: ReportChartAnswer): HTMLElement {
  return h(
    "table",
    { class: "report-numbers", "data-chart": chart.id },
    h("caption", {}, `The numbers behind "${chart.title}"`),
    h("thead", {}, h("tr", {}, ...chart.table.columns.map((column) => h("th", { scope: "col" }, column)))),
    h(
      "tbody",
      {},
      ...chart.table.rows.map((row) =>
        h(
          "tr",
          {},
          ...row.map((cell) =>
            h("td", typeof cell === "number" ? { class: "num" } : {}, typeof cell === "number" ? formatCount(cell) : cell),
          ),
        ),
      ),
    ),
  );
}

function render(target: HTMLElement, answer: ReportResponse): void {
  const { report } = answer;
  target.replaceChildren(
    h(
      "p",
      { class: "report-totals" },
      `${formatCount(report.totals.actions)} restore actions in ${formatCount(report.totals.sessions)} sessions`,
    ),
    ...(report.notes.length
      ? [
          h(
            "ul",
            { class: "report-notes", "aria-label": "What the data cannot answer" },
            ...report.notes.map((note) => h("li", { "data-note": note.code }, note.text)),
          ),
        ]
      : []),
    h(
      "div",
      { class: "report-charts" },
      ...answer.charts.map((chart) =>
        h(
          "figure",
          { class: "report-chart" },
          h("h3", {}, chart.title),
          h("div", { class: "report-svg", id: `report-${chart.id}`, role: "img", "aria-label": chart.description }, chartSvg(chart.svg)),
          h("figcaption", {}, chart.description),
          numbersTable(chart),
        ),
      ),
    ),
  );
}

async function download(current: Current, status: HTMLElement): Promise<void> {
  status.textContent = "Preparing the HTML report…";
  const token = readAccessToken();
  const headers: Record<string, string> = { [apiHeader]: "1", ...(token ? { [accessTokenHeader]: token } : {}) };
  const response = await fetch(`/api/report/html?${reportQuery(current)}`, {
    headers,
    credentials: "same-origin",
    cache: "no-store",
  }).catch(() => undefined);
  if (!response?.ok) {
    status.textContent = "The report could not be made; see the message above the sessions, or try again.";
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "restore-report.html";
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status.textContent = `Downloaded ${name}.`;
}

export function setupReport(section: HTMLElement, header: HTMLElement, current: Current): ReportView {
  const body = h("div", { class: "report-body", "aria-live": "polite" });
  const status = h("p", { class: "muted", role: "status" });
  const downloadButton = h("button", { type: "button", id: "report-download" }, "Download HTML report");
  downloadButton.addEventListener("click", () => void download(current, status));
  section.replaceChildren(h("div", { class: "report-head" }, h("h2", {}, "Report"), downloadButton), status, body);
  const toggle = h("button", { type: "button", id: "report-toggle", "aria-expanded": "false", "aria-controls": section.id }, "Report");
  header.append(toggle);
  let loading: AbortController | undefined;

  async function load(): Promise<void> {
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    section.setAttribute("aria-busy", "true");
    status.textContent = "Reading the restore actions of this window…";
    try {
      const answer = await call<ReportResponse>(`/api/report?${reportQuery(current)}`, { signal: controller.signal });
      if (controller.signal.aborted) return;
      render(body, answer);
      status.textContent = "";
    } catch (error) {
      if (!controller.signal.aborted) status.textContent = (error as Error).message;
    } finally {
      if (loading === controller) section.removeAttribute("aria-busy");
    }
  }

  toggle.addEventListener("click", () => {
    const open = section.hidden;
    section.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) void load();
  });
  return {
    stateChanged() {
      if (!section.hidden) void load();
    },
  };
}
