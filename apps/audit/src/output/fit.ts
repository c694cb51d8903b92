// Column widths that make a table fit the terminal: a row that wraps is unreadable. Widths
// include cli-table3's one space of padding on each side; the table adds a border per column
// plus one.

/** Narrowest a shrunk column gets: five characters, the ellipsis and the padding (less says nothing). */
const MIN_WIDTH = 8;

export interface FittedColumns {
  /** Indexes of the columns shown, in order (trailing ones are dropped when even minimal widths overflow). */
  shown: number[];
  /** Width of each shown column; cells beyond it are truncated with an ellipsis. */
  widths: number[];
}

const tableWidth = (widths: readonly number[]) => widths.reduce((sum, width) => sum + width, 0) + widths.length + 1;

/**
 * Shrinks the widest shrinkable column, one character at a time, until the table fits
 * `maxWidth`; columns in `whole` keep their width. If the minimal widths still overflow,
 * trailing shrinkable columns are dropped rather than wrapped.
 */
export function fitColumns(natural: readonly number[], whole: ReadonlySet<number>, maxWidth: number): FittedColumns {
  let shown = natural.map((_, index) => index);
  for (;;) {
    const widths = shown.map((index) => natural[index]!);
    const shrinkable = shown.map((index) => !whole.has(index));
    let excess = tableWidth(widths) - maxWidth;
    while (excess > 0) {
      let widest = -1;
      for (const [i, width] of widths.entries()) {
        if (shrinkable[i] && width > MIN_WIDTH && (widest < 0 || width > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest]!--;
      excess--;
    }
    const lastShrinkable = shown.findLastIndex((index) => !whole.has(index));
    if (excess <= 0 || lastShrinkable < 0) return { shown, widths };
    shown = shown.filter((_, i) => i !== lastShrinkable);
  }
}
