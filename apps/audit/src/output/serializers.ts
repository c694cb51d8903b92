// Each format as an async generator from rows to text chunks. Generators pull one row
// at a time, so `pipeline` applies the destination's backpressure all the way back to
// the HTTP paging: nothing is held beyond the current page.
import Table from "cli-table3";
import { stringify } from "csv-stringify";
import type { Readable } from "node:stream";
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

/** RFC 4180 CSV with a header line; csv-stringify does the quoting of commas, quotes and newlines. */
export function toCsv(shape: RowShape): NodeJS.ReadWriteStream & Readable {
  return stringify({
    header: true,
    columns: shape.columns.map((key) => ({ key })),
    cast: { boolean: (value) => String(value) },
  }) as unknown as NodeJS.ReadWriteStream & Readable;
}

const TABLE_CHUNK = 500;

/**
 * Terminal tables, rendered in blocks of 500 rows: a table needs its column widths
 * before the first line, and holding every row to compute them would defeat streaming.
 */
export function toTable(shape: RowShape, color: boolean) {
  return async function* (rows: AsyncIterable<Row>): AsyncGenerator<string> {
    let block: Row[] = [];
    let any = false;
    for await (const row of rows) {
      block.push(row);
      any = true;
      if (block.length >= TABLE_CHUNK) {
        yield renderTable(block, shape, color);
        block = [];
      }
    }
    if (block.length > 0 || !any) yield renderTable(block, shape, color);
  };
}

function renderTable(rows: Row[], shape: RowShape, color: boolean): string {
  const table = new Table({
    head: [...shape.tableColumns],
    style: { head: color ? ["cyan"] : [], border: color ? ["grey"] : [] },
  });
  for (const row of rows) table.push(shape.tableColumns.map((key) => cellText(row[key])));
  return `${table.toString()}\n`;
}

function cellText(value: Cell | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
