/** One output row: flat, so that every format (csv included) carries the same fields. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export const FORMATS = ["table", "json", "ndjson", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export interface RowShape {
  /** Every field, in output order (json, ndjson, csv). */
  columns: readonly string[];
  /** The narrower set a terminal table shows; csv/json carry all columns. */
  tableColumns: readonly string[];
  /** Table columns never truncated to fit the terminal (ids users copy, times). */
  keepWhole: readonly string[];
}
