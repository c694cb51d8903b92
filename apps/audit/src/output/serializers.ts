// Each format as an async generator from rows to text chunks. Generators pull one row
// at a time, so `pipeline` applies the destination's backpressure all the way back to
// the HTTP paging: nothing is held beyond the current page.
import Table from "cli-table3";
import { stringify } from "csv-stringify";
import type { Readable } from "node:stream";
import { neutraliseFormula, terminalSafe } from "../sanitize.js";
import { fitColumns } from "./fit.js";
import type { Cell, Row, RowShape } from "./types.js";

export async function* toNdjson(rows: AsyncIterable<Row>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}

/** A JSON array, written element by element: valid JSON even for zero rows. */
export async function* toJsonArray(rows: AsyncIterable<Row>): AsyncGenerator<string> {
  let first = true;
  for await (const row of rows) {
    yield `${first ? "[\n" : ",\n"}${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}

/**
 * RFC 4180 CSV with a header line; csv-stringify does the quoting of commas, quotes and
 * newlines. Text cells that a spreadsheet would run as a formula get a leading `'` unless `raw`.
 */
export function toCsv(shape: RowShape, raw: boolean): NodeJS.ReadWriteStream & Readable {
  return stringify({
    header: true,
    columns: shape.columns.map((key) => ({ key })),
    cast: { boolean: (value) => String(value), string: raw ? (value) => value : neutraliseFormula },
  }) as unknown as NodeJS.ReadWriteStream & Readable;
}

const TABLE_CHUNK = 500;

/**
 * Terminal tables, rendered in blocks of 500 rows: a table needs its column widths
 * before the first line, and holding every row to compute them would defeat streaming.
 */
export function toTable(shape: RowShape, color: boolean, maxWidth: number | undefined) {
  return async function* (rows: AsyncIterable<Row>): AsyncGenerator<string> {
    let block: Row[] = [];
    let any = false;
    for await (const row of rows) {
      block.push(row);
      any = true;
      if (block.length >= TABLE_CHUNK) {
        yield renderTable(block, shape, color, maxWidth);
        block = [];
      }
    }
    if (block.length > 0 || !any) yield renderTable(block, shape, color, maxWidth);
  };
}

function renderTable(rows: Row[], shape: RowShape, color: boolean, maxWidth: number | undefined): string {
  const style = { head: color ? ["cyan"] : [], border: color ? ["grey"] : [] };
  const cells = rows.map((row) => shape.tableColumns.map((key) => cellText(row[key])));
  const draw = (columns: number[], colWidths?: number[]) => {
    const table = new Table({ head: columns.map((i) => shape.tableColumns[i]!), style, ...(colWidths ? { colWidths } : {}) });
    for (const row of cells) table.push(columns.map((i) => row[i]!));
    return table.toString();
  };
  const all = shape.tableColumns.map((_, i) => i);
  const natural = draw(all);
  if (maxWidth === undefined) return `${natural}\n`;
  // cli-table3 measures display width (wide characters count twice); its top border has
  // one dash per column of width, so the natural widths are read back from it.
  const border = natural.split("\n")[0]!.replace(/\u001b\[[0-9;]*m/g, "");
  const widths = border
    .slice(1, -1)
    .split("┬")
    .map((segment) => segment.length);
  const whole = new Set(shape.keepWhole.map((key) => shape.tableColumns.indexOf(key)));
  const fitted = fitColumns(widths, whole, maxWidth);
  const fits = fitted.shown.length === all.length && fitted.widths.every((width, i) => width === widths[i]);
  return `${fits ? natural : draw(fitted.shown, fitted.widths)}\n`;
}

/** Server text in a terminal cell: no escapes, no line breaks (a row never spans two lines). */
function cellText(value: Cell | undefined): string {
  return value === null || value === undefined ? "" : terminalSafe(String(value));
}
