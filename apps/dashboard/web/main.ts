// Wires the page: state from the URL, data from the dashboard's server, views redrawn on change.
import "./styles.css";
import type { ConfigResponse, SessionsResponse } from "../src/shared/api.js";
import { askAccessToken } from "./access.js";
import { ApiError, fetchConfig, fetchDetails, fetchServers, fetchSessions, fetchStatistics, fetchVersion, stopSession } from "./api.js";
import { buildServerFilter, renderHealth, renderServerTotals } from "./fleet.js";
import { buildControls } from "./controls.js";
import { renderDetails, showError, showLoading } from "./details.js";
import { byId, h } from "./dom.js";
import { formatTime } from "./format.js";
import { showStatistics, showStatisticsError, showVersion, showVersionError, statisticsSection } from "./statistics.js";
import { setupReport } from "./report.js";
import { renderChart, renderSummary } from "./summary.js";
import { renderTable } from "./table.js";
import { readState, resolveWindow, writeState, type ViewState } from "./state.js";

let state = readState(location.search);
let window_ = resolveWindow(state);
let config: ConfigResponse = { allowStop: false };
let loading: AbortController | undefined;
let autoTimer: ReturnType<typeof setInterval> | undefined;
let syncServerFilter: ((server: string) => void) | undefined;

const alertBox = byId("alert");
const sessions = byId("sessions");
const dialog = byId<HTMLDialogElement>("details");
const controls = buildControls(byId("toolbar"), byId("filters"), {
  change(patch, options) {
    // Narrowing or widening the view starts again from its first page.
    const resetsPage = Object.keys(patch).some((key) => key !== "refresh");
    setState({ ...patch, ...(resetsPage ? { page: 1 } : {}) }, options?.newWindow ?? false);
  },
  refresh: () => setState({}, true),
});

const reportView = setupReport(byId("report"), byId("report-controls"), () => ({ state, window: window_ }));

function setState(patch: Partial<ViewState>, newWindow: boolean): void {
  state = { ...state, ...patch };
  if (newWindow) window_ = resolveWindow(state);
  history.replaceState(null, "", `${location.pathname}${writeState(state)}`);
  scheduleAutoRefresh();
  void loadSessions();
  reportView.stateChanged();
}

async function loadSessions(): Promise<void> {
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  controls.sync(state);
  controls.setUpdated("Loading…", true);
  sessions.setAttribute("aria-busy", "true");
  try {
    const data = await fetchSessions(state, window_, controller.signal);
    if (controller.signal.aborted) return;
    showAlert("");
    render(data);
    if (config.servers) {
      syncServerFilter?.(state.server);
      renderServerTotals(byId("fleet-totals"), data);
      void loadHealth();
    }
    controls.setUpdated(`Updated ${new Date(data.fetchedAt).toLocaleTimeString()}`, false);
  } catch (error) {
    if (controller.signal.aborted) return;
    showProblem(error);
    controls.setUpdated("Not updated", false);
  } finally {
    if (loading === controller) sessions.removeAttribute("aria-busy");
  }
}

function render(data: SessionsResponse): void {
  controls.sync(state, data.initiators);
  renderSummary(byId("summary"), data);
  renderChart(byId("chart"), data);
  renderTable(sessions, data, state, {
    sort: (key) => setState({ sort: key, dir: state.sort === key && state.dir === "desc" ? "asc" : "desc", page: 1 }, false),
    page: (page, pageSize) => setState({ page, ...(pageSize ? { pageSize } : {}) }, false),
    open: (id) => void openDetails(id),
  });
}

async function openDetails(id: string): Promise<void> {
  const opener = document.activeElement as HTMLElement | null;
  const close = () => {
    if (state.session) setState({ session: "" }, false);
    if (dialog.open) dialog.close();
    opener?.focus();
  };
  if (state.session !== id) {
    state = { ...state, session: id };
    history.replaceState(null, "", `${location.pathname}${writeState(state)}`);
  }
  showLoading(dialog, close);
  // Asked beside the details; on v6/v7 the server answers at once with a note, without VBM365.
  const statistics = statisticsSection();
  void fetchStatistics(id).then(
    (answer) => showStatistics(statistics, answer),
    (error: unknown) => showStatisticsError(statistics, messageOf(error)),
  );
  try {
    const data = await fetchDetails(id);
    const handlers = {
      close,
      stop: async (sessionId: string) => {
        await stopSession(sessionId);
        setState({}, true);
      },
    };
    renderDetails(dialog, data, config.allowStop, handlers, statistics);
  } catch (error) {
    showError(dialog, messageOf(error), close);
  }
}

/** The footer names the REST API version the dashboard speaks; a failure there stays there. */
async function loadVersion(): Promise<void> {
  const footer = byId("api-version");
  try {
    showVersion(footer, await fetchVersion());
  } catch (error) {
    showVersionError(footer, messageOf(error));
  }
}

/** A fleet's footer: each server's health after every load (a load is what updates it). */
async function loadHealth(): Promise<void> {
  try {
    renderHealth(byId("fleet-health"), await fetchServers());
  } catch (error) {
    byId("fleet-health").textContent = `Server health unknown: ${messageOf(error)}`;
  }
}

function scheduleAutoRefresh(): void {
  clearInterval(autoTimer);
  // Auto-refresh moves a preset window forward; a custom window is re-read as it is.
  if (state.refresh > 0)
    autoTimer = setInterval(() => {
      if (!document.hidden && !dialog.open) setState({}, true);
    }, state.refresh * 1000);
}

function showAlert(message: string): void {
  alertBox.textContent = message;
  alertBox.hidden = message === "";
}

/** An error, with what the page can do about it: ask for the access token, or offer a narrower window. */
function showProblem(error: unknown): void {
  if (error instanceof ApiError && error.details.accessToken) {
    askAccessToken(alertBox, error.message, () => void start());
    return;
  }
  showAlert(messageOf(error));
  const narrower = error instanceof ApiError ? error.details.narrower : undefined;
  if (narrower) {
    const button = h("button", { type: "button", id: "narrower" }, `Show ${formatTime(narrower.from)} – ${formatTime(narrower.to)}`);
    button.addEventListener("click", () => setState({ window: "custom", from: narrower.from, to: narrower.to, page: 1 }, true));
    alertBox.append(" ", button);
  }
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : "Something went wrong in the page; reload it.";
}

async function start(): Promise<void> {
  try {
    config = await fetchConfig();
  } catch (error) {
    showProblem(error);
    if (error instanceof ApiError && error.details.accessToken) return;
  }
  if (config.servers) {
    syncServerFilter = buildServerFilter(byId("filters"), config.servers, (server) => setState({ server, page: 1 }, false));
    byId("fleet-totals").hidden = false;
  }
  void loadVersion();
  scheduleAutoRefresh();
  await loadSessions();
  if (state.session) await openDetails(state.session);
}

void start();
