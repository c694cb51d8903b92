// A fleet dashboard (many configured servers): the server filter, the server column, and the
// footer line per server (reachable, REST API version, sessions, last answer). Shown only when
// the dashboard's server says it has several servers.
import type { ServerHealth, ServersResponse, SessionRow, SessionsResponse } from "../src/shared/api.js";
import { h } from "./dom.js";
import { formatCount, formatTime } from "./format.js";

/** The filter: a select of the configured servers; "" is every server. */
export function buildServerFilter(
  filters: HTMLElement,
  names: readonly string[],
  change: (server: string) => void,
): (server: string) => void {
  const select = h(
    "select",
    { id: "server", name: "server" },
    h("option", { value: "" }, "All servers"),
    ...names.map((name) => h("option", { value: name }, name)),
  );
  select.addEventListener("change", () => change(select.value));
  filters.prepend(h("span", { class: "field" }, h("label", { for: "server" }, "Server"), select));
  return (server) => {
    select.value = names.includes(server) ? server : "";
  };
}

/** Whether the table should show the server column: the answer counts sessions per server. */
export function isFleetAnswer(data: SessionsResponse): boolean {
  return data.counts.server !== undefined;
}

export function serverCell(row: SessionRow): string {
  return row.server ?? "—";
}

/** Sessions per server in the window, the fleet's total first. */
export function renderServerTotals(target: HTMLElement, data: SessionsResponse): void {
  const perServer = Object.entries(data.counts.server ?? {}).sort(([a], [b]) => a.localeCompare(b));
  target.replaceChildren(
    h("span", { id: "fleet-total" }, `${formatCount(data.matched)} sessions on ${perServer.length} servers: `),
    ...perServer.map(([name, count], index) =>
      h("span", { class: "server-total", "data-server": name }, `${index ? ", " : ""}${name} ${formatCount(count)}`),
    ),
  );
}

export function renderHealth(footer: HTMLElement, answer: ServersResponse): void {
  footer.replaceChildren(h("ul", { class: "server-health" }, ...answer.servers.map(healthItem)));
}

function healthItem(server: ServerHealth): HTMLElement {
  const state =
    server.reachable === null ? "not asked yet" : server.reachable ? "reachable" : `not answering (${server.problem ?? "error"})`;
  const parts = [
    state,
    server.apiVersion ? `REST API ${server.apiVersion}` : undefined,
    server.sessions !== null ? `${formatCount(server.sessions)} sessions` : undefined,
    server.lastAnswer ? `last answer ${formatTime(server.lastAnswer)}` : "no answer yet",
  ].filter(Boolean);
  const status = server.reachable === false ? "down" : server.reachable ? "up" : "unknown";
  return h("li", { "data-server": server.name, "data-status": status }, h("strong", {}, server.name), `: ${parts.join(" · ")}`);
}
