// A session's details in a modal dialog: its fields, its events, and Stop for a running
// session when the dashboard's server allows writes (after a second, explicit click).
import type { SessionDetailsResponse } from "../src/shared/api.js";
import { h } from "./dom.js";
import { formatBytes, formatCount, formatTime, token, typeLabel } from "./format.js";
import { resultBadge } from "./table.js";

export interface DetailsHandlers {
  stop(id: string): Promise<void>;
  close(): void;
}

export function showLoading(dialog: HTMLDialogElement, onClose: () => void): void {
  dialog.replaceChildren(
    header("Loading session…", onClose),
    h("p", { class: "muted", "aria-busy": "true" }, "Reading the session and its events…"),
  );
  open(dialog, onClose);
}

export function showError(dialog: HTMLDialogElement, message: string, onClose: () => void): void {
  dialog.replaceChildren(header("Session", onClose), h("p", { class: "alert", role: "alert" }, message));
  open(dialog, onClose);
}

/** `statistics` is the area the caller fills once the statistics answer (v8 only) arrives. */
export function renderDetails(
  dialog: HTMLDialogElement,
  data: SessionDetailsResponse,
  allowStop: boolean,
  on: DetailsHandlers,
  statistics: HTMLElement,
): void {
  const { session, events } = data;
  const facts: [string, Node | string][] = [
    ["Id", h("code", {}, session.id)],
    ["Organization", session.organization ?? "—"],
    ["Type", typeLabel(session.type)],
    ["State", session.state],
    ["Result", resultBadge(session.result)],
    ["Started", formatTime(session.creationTime)],
    ["Ended", session.endTime ? formatTime(session.endTime) : "running"],
    ["Initiated by", session.initiatedBy ?? "—"],
    ["Client host", session.clientHost ?? "—"],
    ["Scope", session.scopeName || "—"],
    ["Details", session.details ?? "—"],
  ];
  const stopArea = h("div", { class: "stop-area" });
  if (allowStop && session.state === "Working") stopArea.append(stopControls(session.id, stopArea, on));

  const eventRows = events.map((event) =>
    h(
      "tr",
      { "data-event": event.id },
      h("td", {}, event.itemName ?? event.title ?? "—"),
      h("td", {}, event.itemType ?? "—"),
      h("td", {}, event.type ?? "—"),
      h("td", { class: "num" }, formatBytes(event.itemSizeBytes)),
      h("td", {}, event.source ?? "—"),
      h("td", {}, event.target ?? "—"),
      h("td", {}, h("span", { class: `badge status-${token(event.status)}` }, event.status)),
    ),
  );
  dialog.replaceChildren(
    header(session.name || "Session", on.close),
    h("dl", { class: "facts" }, ...facts.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)])),
    stopArea,
    statistics,
    h("h3", {}, `Events (${formatCount(events.length)})`),
    data.eventsTruncated
      ? h("p", { class: "alert" }, `Showing the first ${formatCount(data.eventsLimit)} events; the session has more.`)
      : "",
    events.length === 0
      ? h("p", { class: "muted" }, "This session has no events.")
      : h(
          "div",
          { class: "table-wrap events" },
          h(
            "table",
            { id: "events-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ...["Item", "Type", "Action", "Size", "Source", "Target", "Status"].map((name) => h("th", { scope: "col" }, name)),
              ),
            ),
            h("tbody", {}, ...eventRows),
          ),
        ),
  );
  open(dialog, on.close);
}

function stopControls(id: string, area: HTMLElement, on: DetailsHandlers): HTMLElement {
  const ask = h("button", { type: "button", class: "danger", id: "stop" }, "Stop session…");
  ask.addEventListener("click", () => {
    const message = h("p", { role: "alert" }, "Stop this restore session? Work in progress is cancelled.");
    const confirm = h("button", { type: "button", class: "danger", id: "confirm-stop" }, "Yes, stop it");
    const cancel = h("button", { type: "button", id: "cancel-stop" }, "Keep it running");
    cancel.addEventListener("click", () => {
      area.replaceChildren(ask);
      ask.focus();
    });
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      cancel.disabled = true;
      try {
        await on.stop(id);
        area.replaceChildren(h("p", { role: "status" }, "Stop requested."));
      } catch (error) {
        area.replaceChildren(h("p", { class: "alert", role: "alert" }, (error as Error).message), ask);
      }
    });
    area.replaceChildren(message, confirm, cancel);
    cancel.focus();
  });
  return ask;
}

function header(title: string, onClose: () => void): HTMLElement {
  return h(
    "div",
    { class: "dialog-head" },
    h("h2", { id: "details-title" }, title),
    h("button", { type: "button", class: "close", "aria-label": "Close details", onclick: onClose }, "✕"),
  );
}

function open(dialog: HTMLDialogElement, onClose: () => void): void {
  dialog.onclose = onClose;
  if (!dialog.open) dialog.showModal();
}
