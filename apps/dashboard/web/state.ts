// The view lives in the URL's query string, so a link reproduces it: window, filters, sort,
// page, auto-refresh and the open session.
import { sortKeys, windowPresets, type SortKey, type WindowPreset } from "../src/shared/api.js";

export type WindowChoice = WindowPreset | "custom";

export interface ViewState {
  window: WindowChoice;
  /** ISO date-times, only for the custom window. */
  from: string;
  to: string;
  type: string;
  state: string;
  result: string;
  initiatedBy: string;
  q: string;
  /** A configured server's name (fleet dashboards); "" is every server. */
  server: string;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  /** Auto-refresh period in seconds; 0 is off. */
  refresh: number;
  session: string;
}

export const pageSizes = [50, 100, 200] as const;
export const refreshPeriods = [0, 30, 60, 300] as const;

export const defaults: ViewState = {
  window: "24h",
  from: "",
  to: "",
  type: "",
  state: "",
  result: "",
  initiatedBy: "",
  q: "",
  server: "",
  sort: "creationTime",
  dir: "desc",
  page: 1,
  pageSize: 50,
  refresh: 0,
  session: "",
};

// Short URL names for the fields.
const names: Record<keyof ViewState, string> = {
  window: "window",
  from: "from",
  to: "to",
  type: "type",
  state: "state",
  result: "result",
  initiatedBy: "by",
  q: "q",
  server: "server",
  sort: "sort",
  dir: "dir",
  page: "page",
  pageSize: "size",
  refresh: "refresh",
  session: "session",
};

/** Reads a state from a query string; values it does not understand fall back to defaults. */
export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const text = (key: keyof ViewState) => params.get(names[key])?.slice(0, 200) ?? "";
  const windowChoice = text("window");
  const sort = text("sort");
  const from = text("from");
  const to = text("to");
  const custom = windowChoice === "custom" && isDate(from) && isDate(to);
  return {
    window: custom ? "custom" : windowChoice in windowPresets ? (windowChoice as WindowPreset) : defaults.window,
    from: custom ? from : "",
    to: custom ? to : "",
    type: word(text("type")),
    state: word(text("state")),
    result: word(text("result")),
    initiatedBy: text("initiatedBy"),
    q: text("q"),
    server: /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(text("server")) ? text("server") : "",
    sort: (sortKeys as readonly string[]).includes(sort) ? (sort as SortKey) : defaults.sort,
    dir: text("dir") === "asc" ? "asc" : "desc",
    page: wholeNumber(text("page"), 1, 100_000) ?? 1,
    pageSize: pageSizes.find((size) => String(size) === text("pageSize")) ?? defaults.pageSize,
    refresh: refreshPeriods.find((period) => String(period) === text("refresh")) ?? 0,
    session: /^[0-9a-f-]{36}$/i.test(text("session")) ? text("session") : "",
  };
}

/** The query string for a state; defaults are left out to keep links short. */
export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(names) as (keyof ViewState)[]) {
    if (state[key] !== defaults[key]) params.set(names[key], String(state[key]));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The concrete window for a state, at `now` for the presets. */
export function resolveWindow(state: ViewState, now = new Date()): { from: string; to: string } {
  if (state.window === "custom") return { from: state.from, to: state.to };
  return { from: new Date(now.getTime() - windowPresets[state.window]).toISOString(), to: now.toISOString() };
}

function isDate(value: string): boolean {
  return value !== "" && !Number.isNaN(Date.parse(value));
}

function word(value: string): string {
  return /^[A-Za-z]{1,40}$/.test(value) ? value : "";
}

function wholeNumber(value: string, min: number, max: number): number | undefined {
  const parsed = Number(value);
  return /^\d+$/.test(value) && parsed >= min && parsed <= max ? parsed : undefined;
}
