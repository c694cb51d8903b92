// A session's statistics in its details (REST API v8 only), and the REST API version the
// dashboard speaks with VBM365, in the page's footer. On v6 and v7 the server answers
// `available: false` with a note, shown as text: an older server is not an error.
import type { StatisticsResponse, StatisticsRow, VersionResponse } from "../src/shared/api.js";
import { h } from "./dom.js";
import { formatCount } from "./format.js";

const shown: [keyof StatisticsRow, string][] = [
  ["totalItemsCount", "Items"],
  ["restoredItemsCount", "Restored"],
  ["failedItemsCount", "Failed"],
  ["skippedItemsCount", "Skipped"],
  ["warningsCount", "Warnings"],
  ["errorsCount", "Errors"],
];

/** The details' statistics area while the answer is on its way. */
export function statisticsSection(): HTMLElement {
  return h(
    "section",
    { id: "statistics", "aria-label": "Statistics", "aria-busy": "true" },
    h("h3", {}, "Statistics"),
    h("p", { class: "muted" }, "Reading statistics…"),
  );
}

export function showStatistics(section: HTMLElement, answer: StatisticsResponse): void {
  section.removeAttribute("aria-busy");
  section.dataset.apiVersion = answer.apiVersion;
  if (!answer.available) {
    section.replaceChildren(h("h3", {}, "Statistics"), h("p", { class: "muted", id: "statistics-note" }, answer.message));
    return;
  }
  const { statistics } = answer;
  const facts = shown.flatMap(([key, label]) => [h("dt", {}, label), h("dd", { "data-stat": key }, formatCount(statistics[key]))]);
  section.replaceChildren(h("h3", {}, "Statistics"), h("dl", { class: "facts" }, ...facts));
}

/** A failed statistics call spoils only this area, not the rest of the details. */
export function showStatisticsError(section: HTMLElement, message: string): void {
  section.removeAttribute("aria-busy");
  section.replaceChildren(h("h3", {}, "Statistics"), h("p", { class: "alert", id: "statistics-error" }, message));
}

export function showVersion(footer: HTMLElement, answer: VersionResponse): void {
  const how = answer.setting === "auto" ? "the newest the VBM365 server serves" : "pinned by VBM365_API_VERSION";
  footer.dataset.apiVersion = answer.apiVersion;
  footer.replaceChildren("VBM365 REST API ", h("strong", { id: "api-version-name" }, answer.apiVersion), ` (${how})`);
}

export function showVersionError(footer: HTMLElement, message: string): void {
  footer.replaceChildren(`VBM365 REST API version unknown: ${message}`);
}
