// The per-action table as CSV (RFC 4180), one line per action, written as actions stream
// past so that a million actions never sit in memory.
import type { Writable } from "node:stream";
import { ACTION_COLUMNS } from "./action-row.js";
import type { ActionRow } from "./types.js";

// A cell a spreadsheet would run as a formula (OWASP's CSV injection list) gets a leading '.
const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: string | number | null, raw: boolean): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = !raw && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const actionCsvHeader = (): string => `${ACTION_COLUMNS.join(",")}\r\n`;

/** One action as a CSV line; `raw` keeps cells as sent (no formula guard), for programs. */
export function actionCsvLine(row: ActionRow, raw = false): string {
  let line = csvCell(row[ACTION_COLUMNS[0]!], raw);
  for (let i = 1; i < ACTION_COLUMNS.length; i++) line += `,${csvCell(row[ACTION_COLUMNS[i]!], raw)}`;
  return `${line}\r\n`;
}

// Lines are gathered into chunks of about this many characters: one write per line would
// cost a system call each, and a million of them take longer than building the lines.
const CHUNK = 256 * 1024;

export interface ActionCsvWriter {
  /** Adds one action; returns a promise when the stream asks to wait (backpressure). */
  write(row: ActionRow): Promise<void> | undefined;
  /** Writes what is gathered; call once after the last action, before ending the stream. */
  flush(): Promise<void>;
}

/** Writes the header, then the actions in chunks, waiting when the stream asks to (backpressure). */
export function createActionCsvWriter(stream: Writable, raw = false): ActionCsvWriter {
  let pending = actionCsvHeader();
  const drain = () =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stream.off("drain", done);
        stream.off("error", done);
        if (error) reject(error);
        else resolve();
      };
      stream.on("drain", done);
      stream.on("error", done);
    });
  const send = (): Promise<void> | undefined => {
    const chunk = pending;
    pending = "";
    return stream.write(chunk) ? undefined : drain();
  };
  return {
    write(row) {
      pending += actionCsvLine(row, raw);
      return pending.length >= CHUNK ? send() : undefined;
    },
    async flush() {
      if (pending !== "") await send();
    },
  };
}
