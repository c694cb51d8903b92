// Counts by result and by type, and a bar chart of restores over time (plain SVG).
import type { SessionsResponse } from "../src/shared/api.js";
import { h, s } from "./dom.js";
import { formatCount, formatTime, resultSymbol, token, typeLabel } from "./format.js";

const resultOrder = ["Success", "Warning", "Failed"];

export function renderSummary(target: HTMLElement, data: SessionsResponse): void {
  const results = ordered(data.counts.result, resultOrder);
  const types = ordered(data.counts.type, ["Vex", "Veod", "Vesp", "Vet"]);
  target.replaceChildren(
    h(
      "div",
      { class: "card total" },
      h("h2", {}, "Sessions"),
      h("p", { class: "big", "data-count": "matched" }, formatCount(data.matched)),
      h("p", { class: "muted" }, data.matched === data.inWindow ? "in this window" : `of ${formatCount(data.inWindow)} in this window`),
    ),
    h(
      "div",
      { class: "card" },
      h("h2", {}, "By result"),
      h(
        "ul",
        { class: "counts", "data-counts": "result" },
        ...results.map(([result, count]) =>
          h(
            "li",
            { "data-key": result },
            h("span", { class: `badge result-${token(result)}` }, `${resultSymbol(result)} ${result}`),
            h("span", { class: "count" }, formatCount(count)),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "card" },
      h("h2", {}, "By type"),
      h(
        "ul",
        { class: "counts", "data-counts": "type" },
        ...types.map(([type, count]) =>
          h("li", { "data-key": type }, h("span", {}, typeLabel(type)), h("span", { class: "count" }, formatCount(count))),
        ),
      ),
    ),
  );
}

export function renderChart(target: HTMLElement, data: SessionsResponse): void {
  const { buckets, bucketMs } = data.timeline;
  const width = 960;
  const height = 160;
  const top = 12;
  const bottom = 24;
  const left = 40;
  const max = Math.max(1, ...buckets.map((bucket) => bucket.total));
  const barWidth = (width - left) / Math.max(1, buckets.length);
  const scale = (value: number) => (value / max) * (height - top - bottom);
  const step = bucketMs >= 86_400_000 ? "day" : bucketMs >= 6 * 3_600_000 ? "6 hours" : "hour";

  const bars = buckets.map((bucket, index) => {
    let y = height - bottom;
    const parts = [...resultOrder, ...Object.keys(bucket.byResult).filter((key) => !resultOrder.includes(key))].flatMap((result) => {
      const count = bucket.byResult[result] ?? 0;
      if (!count) return [];
      const barHeight = scale(count);
      y -= barHeight;
      return [
        s("rect", {
          class: `bar result-${token(result)}`,
          x: left + index * barWidth + 1,
          y,
          width: Math.max(1, barWidth - 2),
          height: barHeight,
        }),
      ];
    });
    const breakdown = Object.entries(bucket.byResult)
      .map(([result, count]) => `${result} ${count}`)
      .join(", ");
    return s(
      "g",
      {},
      s("title", {}, `${formatTime(bucket.start)}: ${bucket.total} sessions${breakdown ? ` (${breakdown})` : ""}`),
      ...parts,
    );
  });
  const first = buckets[0];
  const last = buckets.at(-1);
  const svg = s(
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": `Restore sessions per ${step}, stacked by result; most in one ${step}: ${max}`,
    },
    s("line", { class: "axis", x1: left, y1: height - bottom, x2: width, y2: height - bottom }),
    s("text", { class: "tick", x: left - 6, y: top + 4, "text-anchor": "end" }, String(max)),
    s("text", { class: "tick", x: left - 6, y: height - bottom, "text-anchor": "end" }, "0"),
    first && s("text", { class: "tick", x: left, y: height - 6 }, formatTime(first.start)),
    last && s("text", { class: "tick", x: width, y: height - 6, "text-anchor": "end" }, formatTime(last.start)),
    ...bars,
  );
  target.replaceChildren(
    h("h2", {}, `Restores per ${step}`),
    svg,
    h(
      "p",
      { class: "legend" },
      ...resultOrder.map((result) => h("span", { class: `badge result-${result}` }, `${resultSymbol(result)} ${result}`)),
    ),
  );
}

function ordered(counts: Record<string, number>, order: string[]): [string, number][] {
  const known = order.map((key) => [key, counts[key] ?? 0] as [string, number]);
  const others = Object.entries(counts).filter(([key]) => !order.includes(key));
  return [...known, ...others];
}
