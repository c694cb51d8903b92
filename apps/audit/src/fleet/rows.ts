// Rows from many servers: each gains a `server` column (first, so a table shows it at once),
// and the fleet's rows are sorted together, as one server's would be.
import type { Row, RowShape } from "../output/types.js";

export function withServerColumn(shape: RowShape): RowShape {
  return {
    columns: ["server", ...shape.columns],
    tableColumns: ["server", ...shape.tableColumns],
    keepWhole: ["server", ...shape.keepWhole],
  };
}

/**
 * Sorts by a `...Utc` column (UTC, seven fractional digits: text order is time order); rows
 * without a time sort as the oldest, as the server orders a session still running by end
 * time. Stable, so equal times keep each server's own order.
 */
export function sortRows(rows: Row[], key: string, ascending: boolean): Row[] {
  const direction = ascending ? 1 : -1;
  const timeOf = (row: Row) => (typeof row[key] === "string" ? (row[key] as string) : "");
  return rows.sort((a, b) => {
    const left = timeOf(a);
    const right = timeOf(b);
    return left === right ? 0 : left < right ? -direction : direction;
  });
}
