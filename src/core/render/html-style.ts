// The style sheet of the HTML reports: system fonts, readable on a phone, clean on A4 or Letter
// paper. Pass and fail differ in colour and also in a mark (✓ or ✗) and, in the charts, in a
// pattern, so they read in greyscale and for colour-blind readers.
//
// Every colour is a custom property of :root, the inline SVG charts included (their parts have
// classes, not fill colours), so a reader's dark colour scheme recolours the whole page; paper
// always gets the light colours (the dark ones are for `screen` only). Each pair of text and
// background colour meets WCAG AA (4.5:1) in both schemes; a new section uses the properties,
// never a colour of its own. A wide table goes in a `.scroll` region (see html-page.ts), whose
// first column stays in view; a `table.matrix` is the heat map. Dates are <time> elements and
// never break.
export const STYLE = `
:root {
  --bg: #fff; --ink: #1d2330; --muted: #5b6472; --line: #d9dee6; --soft: #f4f6f9;
  --pass: #17773a; --pass-bg: #e3f4e8; --on-pass: #fff;
  --fail: #b42318; --fail-bg: #fdecea; --on-fail: #fff; --fail-hatch: #f6c9c4;
  --warn: #8a5300; --warn-bg: #fff4d6; --accent: #27406b; --track: #e8ebf0;
  --shadow: rgba(29, 35, 48, 0.28);
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    color-scheme: dark;
    --bg: #12161c; --ink: #e6e9ef; --muted: #a3acba; --line: #3a4351; --soft: #1c222b;
    --pass: #5fcb8b; --pass-bg: #0f2c1b; --on-pass: #0a1a10;
    --fail: #ff8e84; --fail-bg: #3c1714; --on-fail: #220806; --fail-hatch: #5a2621;
    --warn: #efc15c; --warn-bg: #33260a; --accent: #9fbcf0; --track: #2b323e;
    --shadow: rgba(170, 186, 212, 0.45);
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--bg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; }
time, .date { white-space: nowrap; }
.muted, .id { color: var(--muted); }
.id { font: 0.8em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.banner { border-radius: 10px; padding: 1.25rem 1.5rem; border: 1px solid var(--line); background: var(--soft); }
.banner .kicker { margin: 0 0 0.25rem; font-size: 0.85rem; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); }
.banner h1 { font-size: 1.9rem; overflow-wrap: anywhere; }
.banner .meta { color: var(--muted); margin: 0.25rem 0 1rem; }
.verdict, .outcome { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.75rem 1rem; border-radius: 8px; margin-top: 0.5rem; }
.verdict .mark, .outcome .mark { flex: none; width: 2rem; height: 2rem; border-radius: 50%; display: grid; place-items: center; font-weight: 700; }
.verdict strong, .outcome strong { display: block; font-size: 1.15rem; }
.is-pass { background: var(--pass-bg); }
.is-pass .mark { background: var(--pass); color: var(--on-pass); }
.is-fail { background: var(--fail-bg); }
.is-fail .mark { background: var(--fail); color: var(--on-fail); border-radius: 4px; }
.is-change { background: var(--warn-bg); }
.is-change .mark { background: var(--warn); color: var(--bg); }
.outcome code { font: 0.9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.75rem; margin-top: 1rem; }
.tile { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; }
.tile b { display: block; font-size: 1.5rem; }
.tile span { color: var(--muted); font-size: 0.85rem; }
.badge { display: inline-block; white-space: nowrap; font-size: 0.8rem; font-weight: 600; padding: 0.05rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.na { color: var(--muted); background: var(--soft); }
ol.actions { padding-left: 1.5rem; margin: 0; }
ol.actions li { margin: 0 0 0.75rem; padding-left: 0.25rem; }
ol.actions li strong { display: block; }
ol.actions li span { color: var(--muted); font-size: 0.92rem; }
figure { margin: 0.75rem 0 1rem; }
figure svg { display: block; width: 100%; max-width: 44rem; height: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.25rem; }
svg.chart, svg.spark { color: var(--ink); fill: currentColor; }
svg .pass { fill: var(--pass); }
svg .fail { fill: var(--fail); }
svg .track { fill: var(--track); }
svg .hatch { fill: var(--fail-hatch); }
svg .bar-fail { stroke: var(--fail); }
svg .grid { stroke: var(--track); }
svg .line { stroke: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: 0.85rem; color: var(--muted); margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.fail td:first-child { box-shadow: inset 4px 0 0 var(--fail); }
.item { border-left: 4px solid var(--fail); background: var(--bg); padding: 0.6rem 0.9rem; margin: 0.5rem 0 0.9rem; border-radius: 0 6px 6px 0; box-shadow: 0 0 0 1px var(--line); }
.item p { margin: 0.2rem 0; }
.item dl { margin: 0.4rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; }
.item dt { font-weight: 600; color: var(--muted); }
.item dd { margin: 0; overflow-wrap: anywhere; }
.changes ul { margin: 0.25rem 0 0.75rem; padding-left: 1.25rem; }
footer { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.8rem; }
footer ul { margin: 0.25rem 0; padding-left: 1.25rem; }
.scroll {
  /* relative: what is positioned inside (.sr text) stays inside, never widens the page */
  position: relative; overflow-x: auto; margin: 0.5rem 0 1rem;
  background:
    linear-gradient(to left, var(--bg) 40%, transparent) right / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 100% 50%, var(--shadow), transparent) right / 0.9rem 100% no-repeat scroll;
}
.scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.scroll > table { margin: 0; }
.scroll-hint { display: none; color: var(--muted); font-size: 0.85rem; }
.scroll > table { border-collapse: separate; border-spacing: 0; }
.scroll > table th:first-child {
  position: sticky; left: 0; z-index: 1; background: var(--bg);
  box-shadow: inset -1px 0 0 var(--line);
}
.scroll > table thead th:first-child { background: var(--soft); }
.matrix td, .matrix th { text-align: center; padding: 0.35rem; }
.matrix td:first-child, .matrix th:first-child { text-align: left; }
.matrix th[scope="row"] time { display: block; font-weight: 400; color: var(--muted); font-size: 0.85rem; }
.cell { display: inline-block; min-width: 2.2rem; padding: 0.15rem 0.3rem; border-radius: 4px; font-weight: 700; }
.cell.pass { color: var(--pass); background: var(--pass-bg); }
.cell.fail { color: var(--on-fail); background: var(--fail); }
.cell.none { color: var(--muted); background: var(--soft); }
.cell.na { color: var(--muted); background: var(--soft); font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40rem) {
  main { padding: 0.75rem 0.75rem 2rem; }
  .banner { padding: 1rem; }
  .banner h1 { font-size: 1.5rem; }
  .scroll-hint { display: block; }
  svg.chart text { font-size: 19px; }
  .scroll > table th:first-child { min-width: 7.5rem; max-width: 10rem; overflow-wrap: anywhere; }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: 0.6rem; padding: 0.3rem 0; }
  table.stack td { border: 0; padding: 0.2rem 0.7rem; text-align: left; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  tr.fail td:first-child { box-shadow: none; }
  .item dl { grid-template-columns: 1fr; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; line-height: 1.4; }
  figure svg { max-width: 125mm; }
  .appendix table { font-size: 8.5pt; }
  th, td { padding: 0.25rem 0.45rem; }
  .tiles { grid-template-columns: repeat(4, 1fr); }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.25rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .banner, figure, .item, tr, li, .tile { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.appendix { break-before: page; page-break-before: always; }
  .scroll { overflow: visible; background: none; }
  .scroll-hint { display: none; }
  .scroll > table th:first-child { position: static; }
}
`;
