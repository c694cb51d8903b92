// The shape of one benchmark run, and the two ways it is shown: a text table on the
// terminal and the same data as JSON (plus a Markdown table for docs/benchmarks.md).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Environment } from "./environment.js";

export type Group = "overhead" | "loopback" | "stream" | "bundle" | "pipeline" | "fleet" | "report" | "archive";
export const GROUPS: readonly Group[] = ["overhead", "loopback", "stream", "bundle", "pipeline", "fleet", "report", "archive"];

export interface Row {
  group: Group;
  name: string;
  /** Median of the runs, in `unit`; null when the row was skipped (see `note`). */
  median: number | null;
  unit: string;
  /** `median` divided by the median of the row named `ratioTo` (same group). */
  ratio?: number;
  ratioTo?: string;
  /** How many measurements the median is taken over. */
  samples?: number;
  note?: string;
}

export interface TargetResult {
  id: string;
  description: string;
  actual: number | null;
  comparison: "<=" | ">=";
  limit: number;
  unit: string;
  /** null when the measurement behind it was skipped. */
  met: boolean | null;
}

export interface BenchResults {
  environment: Environment;
  quick: boolean;
  rows: Row[];
  targets: TargetResult[];
  /** Groups that failed, with why; their rows are marked `(failed)`. */
  failures: string[];
}

/** Fills `ratio` of every row that names a `ratioTo` row of its group that has a median. */
export function withRatios(rows: Row[]): Row[] {
  return rows.map((row) => {
    if (row.ratioTo === undefined || row.median === null) return row;
    const base = rows.find((other) => other.group === row.group && other.name === row.ratioTo);
    if (base?.median == null || base.median === 0) return row;
    return { ...row, ratio: row.median / base.median };
  });
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "-";
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatRatio(row: Row): string {
  return row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}x ${row.ratioTo}`;
}

function metLabel(met: boolean | null): string {
  return met === null ? "skipped" : met ? "met" : "NOT met";
}

function rowCells(row: Row): string[] {
  return [row.group, row.name, formatNumber(row.median), row.unit, formatRatio(row), row.note ?? ""];
}

function targetCells(target: TargetResult): string[] {
  const actual = target.actual === null ? "-" : `${formatNumber(target.actual)} ${target.unit}`;
  return [target.description, actual, `${target.comparison} ${formatNumber(target.limit)} ${target.unit}`, metLabel(target.met)];
}

function environmentLine(env: Environment): string {
  return `Node ${env.node} on ${env.platform}, ${env.cpu} (${env.cores} cores), ${env.date}`;
}

function textTable(header: string[], body: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

function markdownTable(header: string[], body: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...body.map(line)].join("\n");
}

const ROW_HEADER = ["group", "benchmark", "median", "unit", "ratio", "note"];
const TARGET_HEADER = ["target", "actual", "limit", "status"];

export function renderText(results: BenchResults): string {
  return [
    environmentLine(results.environment) + (results.quick ? "  [--quick: small counts, not results]" : ""),
    "",
    textTable(ROW_HEADER, results.rows.map(rowCells)),
    "",
    textTable(TARGET_HEADER, results.targets.map(targetCells)),
    ...results.failures.map((failure) => `\nFAILED ${failure}`),
  ].join("\n");
}

export function renderMarkdown(results: BenchResults): string {
  return [
    `${environmentLine(results.environment)}${results.quick ? " (quick run)" : ""}`,
    "",
    markdownTable(ROW_HEADER, results.rows.map(rowCells)),
    "",
    markdownTable(TARGET_HEADER, results.targets.map(targetCells)),
    "",
    ...results.failures.map((failure) => `**Failed:** ${failure}\n`),
  ].join("\n");
}

/** Writes `<path>` (JSON) and the same results as Markdown beside it (`.md`). */
export function writeResults(path: string, results: BenchResults): { json: string; markdown: string } {
  mkdirSync(dirname(path), { recursive: true });
  const markdown = `${path.replace(/\.json$/, "")}.md`;
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(results));
  return { json: path, markdown };
}
