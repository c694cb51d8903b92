// The per-action table as CSV (RFC 4180), one line per action, written as actions stream
// past so that a million actions never sit in memory.
import type { Writable } from "node:stream";
import { ACTION_COLUMNS } from "./action-row.js";
import type { ActionRow } from "./types.js";

// A cell a spreadsheet would run as a formula (OWASP's CSV injection list) gets a leading '.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | null, raw: boolean): string {
  if (value === null) return "";
  let text = String(value);
  if (!raw && typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const actionCsvHeader = (): string => `${ACTION_COLUMNS.join(",")}\r\n`;

/** One action as a CSV line; `raw` keeps cells as sent (no formula guard), for programs. */
export function actionCsvLine(row: ActionRow, raw = false): string {
  return `${ACTION_COLUMNS.map((column) => csvCell(row[column], raw)).join(",")}\r\n`;
}

/** Writes the header, then one line per `write`, waiting when the stream asks to (backpressure). */
export function createActionCsvWriter(stream: Writable, raw = false): { write(row: ActionRow): Promise<void> | undefined } {
  stream.write(actionCsvHeader());
  return {
    write(row) {
      if (stream.write(actionCsvLine(row, raw))) return undefined;
      return new Promise((resolve, reject) => {
        const done = (error?: Error) => {
          stream.off("drain", done);
          stream.off("error", done);
          if (error) reject(error);
          else resolve();
        };
        stream.on("drain", done);
        stream.on("error", done);
      });
    },
  };
}
