// Reads the example response body out of the vendor's reference page. The page is text
// copied from HTML: indentation uses no-break spaces and the vendor cut the `results`
// list with a bare `...`, which is not JSON and not data.
import { readFileSync } from "node:fs";

export function readVendorExample(pagePath) {
  const text = readFileSync(pagePath, "utf8").replace(/\u00a0/g, " ");
  const marker = text.indexOf("Response Body:");
  if (marker < 0) throw new Error(`${pagePath}: no "Response Body:" section found`);
  const json = text.slice(text.indexOf("{", marker)).replace(/,\s*\.\.\.\s*\]/, "]");
  return JSON.parse(json);
}
