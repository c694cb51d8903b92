// Text from the server is written by end users (mail subjects, file names): in the HTML it
// is escaped, and characters that are invisible or reorder text are shown as their code.

// C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const code = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Server text for an HTML cell: escaped, hidden characters shown as a marked `U+XXXX`. */
export function cellHtml(text: string | null | undefined): string {
  if (text === null || text === undefined || text === "") return "";
  return escapeHtml(text.replace(HIDDEN, (char) => `\u0000${code(char)}\u0001`))
    .replace(/\u0000/g, '<span class="ctl">')
    .replace(/\u0001/g, "</span>");
}

/** Server text for a chart label or an attribute: hidden characters as `[U+XXXX]`. */
export function plainText(text: string): string {
  return text.replace(HIDDEN, (char) => `[${code(char)}]`);
}

const UNITS = ["bytes", "KB", "MB", "GB", "TB", "PB"];

/** 1,234,567 -> "1.2 MB" (decimal units, as Microsoft 365 shows sizes). */
export function humanBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

export const count = (n: number) => n.toLocaleString("en-US");
