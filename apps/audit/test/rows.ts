// Parses each output format back to rows of strings, so formats can be compared field by field.
import { parse } from "csv-parse/sync";

export type TextRow = Record<string, string>;

function asText(row: Record<string, unknown>): TextRow {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null || value === undefined ? "" : String(value)]));
}

export function parseFormat(format: "json" | "ndjson" | "csv", text: string): TextRow[] {
  switch (format) {
    case "json":
      return (JSON.parse(text) as Record<string, unknown>[]).map(asText);
    case "ndjson":
      return text
        .split("\n")
        .filter(Boolean)
        .map((line) => asText(JSON.parse(line) as Record<string, unknown>));
    case "csv":
      return parse(text, { columns: true, skip_empty_lines: true }) as TextRow[];
  }
}
