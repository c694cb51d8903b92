// The sessions table: one page of rows from the server, sortable column headers, paging,
// and arrow keys to move between rows. Enter or Space on a row's name opens its details.
import type { SessionRow, SessionsResponse, SortKey } from "../src/shared/api.js";
import { h } from "./dom.js";
import { formatCount, formatTime, resultSymbol, token, typeLabel } from "./format.js";
import { pageSizes, type ViewState } from "./state.js";
import { isFleetAnswer, serverCell } from "./fleet.js";

export interface TableHandlers {
  sort(key: SortKey): void;
  page(page: number, pageSize?: number): void;
  open(id: string): void;
}

const columns: { key: SortKey; label: string; cell: (row: SessionRow) => Node | string }[] = [
  { key: "creationTime", label: "Started", cell: (row) => formatTime(row.creationTime) },
  {
    key: "name",
    label: "Session",
    cell: (row) => h("button", { type: "button", class: "link open", "data-id": row.id }, row.name || row.id),
  },
  { key: "organization", label: "Organization", cell: (row) => row.organization ?? "—" },
  { key: "type", label: "Type", cell: (row) => typeLabel(row.type) },
  { key: "state", label: "State", cell: (row) => h("span", { class: `state state-${token(row.state)}` }, row.state) },
  { key: "result", label: "Result", cell: (row) => resultBadge(row.result) },
  { key: "initiatedBy", label: "Initiated by", cell: (row) => row.initiatedBy ?? "—" },
  { key: "endTime", label: "Ended", cell: (row) => (row.endTime ? formatTime(row.endTime) : "running") },
];

export function resultBadge(result: string): HTMLElement {
  return h("span", { class: `badge result-${token(result)}` }, `${resultSymbol(result)} ${result}`);
}

export function renderTable(target: HTMLElement, data: SessionsResponse, state: ViewState, on: TableHandlers): void {
  const pages = Math.max(1, Math.ceil(data.matched / state.pageSize));
  const head = h(
    "tr",
    {},
    ...columns.map(({ key, label }) => {
      const active = state.sort === key;
      const sorted = active ? (state.dir === "asc" ? "ascending" : "descending") : "none";
      return h(
        "th",
        { scope: "col", "aria-sort": sorted },
        h(
          "button",
          { type: "button", class: "sort", "data-sort": key, onclick: () => on.sort(key) },
          label,
          h("span", { "aria-hidden": "true" }, active ? (state.dir === "asc" ? " ▲" : " ▼") : ""),
        ),
      );
    }),
  );
  const fleet = isFleetAnswer(data);
  if (fleet) head.prepend(h("th", { scope: "col" }, "Server"));
  const body = h(
    "tbody",
    {},
    ...data.rows.map((row) =>
      h(
        "tr",
        { "data-id": row.id, ...(fleet ? { "data-server": serverCell(row) } : {}) },
        ...(fleet ? [h("td", { class: "server" }, serverCell(row))] : []),
        ...columns.map(({ cell }) => h("td", {}, cell(row))),
      ),
    ),
  );
  body.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.open");
    if (button?.dataset.id) on.open(button.dataset.id);
  });
  body.addEventListener("keydown", (event) => moveBetweenRows(event, body));

  const first = data.matched === 0 ? 0 : data.offset + 1;
  const lastRow = data.offset + data.rows.length;
  const sizeSelect = h(
    "select",
    { id: "page-size", "aria-label": "Rows per page" },
    ...pageSizes.map((size) => h("option", { value: size, selected: size === state.pageSize }, `${size} rows`)),
  );
  sizeSelect.addEventListener("change", () => on.page(1, Number(sizeSelect.value)));
  const pager = h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", id: "prev-page", disabled: state.page <= 1, onclick: () => on.page(state.page - 1) }, "‹ Previous"),
    h(
      "span",
      { id: "row-range", "aria-live": "polite" },
      `Rows ${formatCount(first)}–${formatCount(lastRow)} of ${formatCount(data.matched)} · page ${state.page} of ${pages}`,
    ),
    h("button", { type: "button", id: "next-page", disabled: state.page >= pages, onclick: () => on.page(state.page + 1) }, "Next ›"),
    sizeSelect,
  );

  target.replaceChildren(
    h("h2", { class: "visually-hidden" }, "Sessions"),
    data.rows.length === 0
      ? h("p", { class: "empty" }, "No sessions match this window and these filters.")
      : h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { id: "sessions-table" },
            h("caption", { class: "visually-hidden" }, "Restore sessions, sortable by column"),
            h("thead", {}, head),
            body,
          ),
        ),
    pager,
  );
}

function moveBetweenRows(event: KeyboardEvent, body: HTMLElement): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const buttons = [...body.querySelectorAll<HTMLButtonElement>("button.open")];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const next = buttons[index + (event.key === "ArrowDown" ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
