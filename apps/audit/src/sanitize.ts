// Server data is written by end users and by whatever answers at the server's address. Two
// things in it can hurt the person who reads our output: terminal escapes (which can retitle
// the window, clear the screen or reverse text) and spreadsheet formulas in CSV cells.

// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (U+202A-202E,
// U+2066-2069) that make text read differently from how it is stored.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\n\r\u000b\u000c\u0085]/g;

/** Text fit to print on one terminal line: line breaks and tabs become spaces, other controls go. */
export function terminalSafe(text: string): string {
  return text.replace(LINE_BREAKS, " ").replace(UNSAFE_FOR_TERMINAL, "");
}

/** Like terminalSafe, keeping line breaks (for multi-line --debug details). */
export function terminalSafeLines(text: string): string {
  return text.split("\n").map(terminalSafe).join("\n");
}

// What a spreadsheet reads as the start of a formula (OWASP "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell a spreadsheet will show as text: a leading `'` before a formula start, as OWASP
 * recommends. Excel and LibreOffice hide the quote; a program reading the file sees it,
 * which is why `--csv-raw` turns this off.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
