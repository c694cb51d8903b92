// The report's only styles, inline: nothing is fetched when the file is opened.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5260; --rule: #c9ced6; --band: #f3f5f8; --note: #fff6df; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 8px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.header dt { color: var(--muted); }
dl.header dd { margin: 0; overflow-wrap: anywhere; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; padding: 0; list-style: none; }
.totals li { background: var(--band); padding: 8px 12px; border-radius: 4px; }
.totals strong { display: block; font-size: 1.3rem; }
.notes { background: var(--note); border: 1px solid #e5c66b; border-radius: 4px; padding: 8px 12px 8px 28px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 0 32px; }
figure { margin: 0; break-inside: avoid; }
figcaption { color: var(--muted); font-size: 0.9em; margin-top: 4px; }
.chart svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.9em; }
caption { text-align: left; color: var(--muted); padding: 4px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; unicode-bidi: isolate; }
th { background: var(--band); }
td.num, th.num { text-align: right; white-space: nowrap; }
table.actions td { max-width: 22ch; }
.ctl { font-family: ui-monospace, monospace; font-size: 0.85em; background: #eee; border: 1px solid #bbb; border-radius: 2px; padding: 0 2px; }
details.numbers summary { cursor: pointer; color: var(--muted); }
@page { size: A4; margin: 12mm; }
@media print {
  body { font-size: 9pt; }
  main { max-width: none; padding: 0; }
  .grid { display: block; }
  section { break-inside: avoid-page; }
  section.actions { break-inside: auto; }
  table.actions { font-size: 7pt; }
  details.numbers > * { display: block; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
`;
