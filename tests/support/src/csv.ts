// A reader of CSV text for tests that check what our writers wrote: RFC 4180, so quoted
// fields may hold commas, doubled quotes and line breaks; lines end in CRLF or LF.

/** The rows of `text`, each a list of its fields; a final line break adds no empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (char === "\n") endRow();
    else field += char;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}
