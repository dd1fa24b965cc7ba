/**
 * The report's stylesheet, inlined with a nonce. The page uses no `style` attributes at all, so a
 * strict Content-Security-Policy (nonce only, no 'unsafe-inline') holds in a webview and a file.
 *
 * Statuses use an Okabe–Ito-derived blue / orange / vermillion palette, which stays distinct for
 * the common colour-vision deficiencies; the shape of the icon carries the status as well, for
 * print in black and white. Font stacks are the systems' own, with Chinese faces for every
 * platform, because the file must render without network access.
 */
export const REPORT_STYLES = `
:root {
  --fg: #1d1d1f; --muted: #5c5f66; --bg: #ffffff; --panel: #f6f7f9; --line: #d5d8de;
  --link: #0b57a4;
  --covered: #1f5f99; --covered-bg: #d6e6f5; --covered-bar: #3b7dbf;
  --partial: #8a5600; --partial-bg: #fbe6bd; --partial-bar: #efb548;
  --missing: #a43a10; --missing-bg: #f9d7c9; --missing-bar: #f3c3ae;
  --off: #666a70; --off-bg: #ececee;
  --error: #b3261e; --warning: #8a5600; --information: #1f5f99; --hint: #5c5f66;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif;
  --sans-zh: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif;
}
/* In a VS Code webview, follow the editor's theme. */
body.vscode-dark, body.vscode-high-contrast {
  --fg: var(--vscode-editor-foreground, #e6e6e6); --muted: #a8adb5; --bg: var(--vscode-editor-background, #1e1e1e);
  --panel: rgba(255,255,255,0.05); --line: rgba(255,255,255,0.18); --link: var(--vscode-textLink-foreground, #6cb6ff);
  --covered: #8cc4f5; --covered-bg: rgba(59,125,191,0.35); --covered-bar: #3b7dbf;
  --partial: #f5c66b; --partial-bg: rgba(239,181,72,0.28); --partial-bar: #c98f1e;
  --missing: #ff9c7a; --missing-bg: rgba(213,94,0,0.30); --missing-bar: #8a3d22;
  --off: #9a9ea5; --off-bg: rgba(255,255,255,0.08);
  --error: #ff8a80; --warning: #f5c66b; --information: #8cc4f5; --hint: #a8adb5;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; padding: 1.25rem 1.5rem 3rem; max-width: 80rem; font: 14px/1.5 var(--sans); color: var(--fg); background: var(--bg); }
:lang(zh) { font-family: var(--sans-zh); }
:lang(en) { font-family: var(--sans); }
a { color: var(--link); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: .95rem; margin: .75rem 0 .4rem; }
h5 { font-size: .9rem; margin: 0 0 .2rem; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.generated, .hint { color: var(--muted); margin: .2rem 0 .6rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.icon { width: .9em; height: .9em; flex: none; vertical-align: -0.08em; }
.s-covered { --s: var(--covered); --s-bg: var(--covered-bg); }
.s-partial { --s: var(--partial); --s-bg: var(--partial-bg); }
.s-missing { --s: var(--missing); --s-bg: var(--missing-bg); }
.s-off { --s: var(--off); --s-bg: var(--off-bg); }

.stats ul { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; list-style: none; padding: .6rem .9rem; margin: .75rem 0 0; background: var(--panel); border-radius: 6px; }
.stats .warn a { color: var(--error); }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: 0 0 .6rem; font-size: .9em; }
.legend li { display: inline-flex; align-items: center; gap: .3rem; padding: .05rem .45rem; border-radius: 3px; color: var(--s); background: var(--s-bg); }

/* The matrix: element headers are written vertically so fifteen columns fit an A4 page. */
.matrix-wrap { overflow-x: auto; }
.matrix { border-collapse: collapse; font-size: .85rem; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: .2rem .3rem; }
.matrix thead th { background: var(--panel); font-weight: 600; }
.matrix .draft-h, .matrix .score-h { vertical-align: bottom; text-align: left; }
.matrix .group-h { text-align: center; font-size: .8rem; line-height: 1.2; max-width: 6rem; }
.matrix .group-title { font-weight: 400; color: var(--muted); }
.group-id { font-weight: 700; }
.matrix .el-h { vertical-align: bottom; padding: .35rem .15rem; font-weight: 500; }
/* Latin titles read bottom to top, as on a book's spine; Chinese titles stay upright, top to bottom. */
.vertical { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; max-height: 11.5em; white-space: normal; line-height: 1.15; text-align: left; }
:lang(zh) .vertical { transform: none; white-space: nowrap; }
.matrix .g-start { border-left: 2px solid var(--fg); }
.matrix .draft-name { text-align: left; font-weight: 500; min-width: 10rem; max-width: 18rem; overflow-wrap: anywhere; }
.matrix .score { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.matrix .cell { padding: 0; text-align: center; background: var(--s-bg); min-width: 1.9rem; }
.matrix .cell a { display: flex; align-items: center; justify-content: center; min-height: 1.7rem; color: var(--s); text-decoration: none; }
.matrix .cell a:hover, .matrix .cell a:focus-visible { outline: 2px solid var(--s); outline-offset: -2px; }
.matrix .cell .icon { width: 1rem; height: 1rem; }
.cell-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.matrix .failed-cell { color: var(--error); font-style: italic; }
.matrix tbody tr:hover th, .matrix tbody tr:hover td.score { background: var(--panel); }

.most-missing { border-collapse: collapse; font-size: .9rem; }
.most-missing th, .most-missing td { padding: .2rem .6rem; border-bottom: 1px solid var(--line); text-align: left; }
.most-missing .num { text-align: right; font-variant-numeric: tabular-nums; }
.count-bar, .chart { display: block; }
.bar-covered { fill: var(--covered-bar); }
.bar-partial { fill: var(--partial-bar); }
.bar-missing { fill: var(--missing-bar); }
.hatch-line { fill: rgba(0,0,0,0.35); }

.failed-list { padding-left: 1.2rem; }
.failed-list .error { color: var(--error); }

/* One draft. */
.draft { border-top: 3px solid var(--fg); margin-top: 2.5rem; padding-top: .25rem; }
.draft-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1rem; }
.draft-header h2 { margin: .6rem 0 .2rem; overflow-wrap: anywhere; }
.draft-meta { margin: 0; color: var(--muted); display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
.back { margin-left: auto; font-size: .85rem; }
.draft-top { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; margin: .5rem 0; }
.score-big { display: flex; flex-direction: column; align-items: center; justify-content: center; min-width: 6rem; padding: .5rem .75rem; background: var(--panel); border-radius: 6px; }
.score-value { font-size: 2rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.1; }
.score-label { color: var(--muted); font-size: .85rem; }
.group-chart { margin: 0; }
.group-chart figcaption { font-weight: 600; font-size: .9rem; margin-bottom: .3rem; }
.chart-label { font-size: 11px; fill: var(--fg); }
.chart-value { font-size: 11px; fill: var(--muted); }
.chart text { font-family: inherit; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .5rem; align-items: start; }
.element { border: 1px solid var(--line); border-left: 5px solid var(--s); border-radius: 4px; padding: .45rem .6rem; background: var(--bg); }
.element h5 { color: var(--fg); }
.element h5 .icon { color: var(--s); margin-right: .3rem; }
.element .status-text { white-space: nowrap; font-weight: 500; font-size: .8rem; color: var(--s); background: var(--s-bg); padding: 0 .35rem; border-radius: 3px; }
.element:target { outline: 3px solid var(--link); outline-offset: 2px; }
.facet-count { margin: 0 0 .25rem; color: var(--muted); font-size: .8rem; }
.asks { margin: 0 0 .3rem; font-size: .8rem; }
.facets { list-style: none; margin: 0; padding: 0; font-size: .85rem; }
.facet { margin: .15rem 0; }
.facet .mark { display: inline-block; width: 1em; font-weight: 700; }
.facet.yes .mark { color: var(--covered); }
.facet.no { color: var(--muted); }
.facet.no .mark { color: var(--missing); }
.not-found { font-size: .8rem; }
.evidence-list { list-style: none; margin: .1rem 0 .2rem 1em; padding: 0; }
.evidence { margin: .15rem 0; padding-left: .5rem; border-left: 2px solid var(--line); font-size: .82rem; }
.evidence q { quotes: "“" "”"; }
.evidence q:lang(zh) { quotes: "「" "」"; }
.loc { color: var(--muted); font: .75rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: nowrap; }
button.loc { background: none; border: 0; padding: 0; cursor: pointer; color: var(--link); text-decoration: underline; }
.more { margin-left: 1em; font-size: .8rem; }
.more summary { cursor: pointer; color: var(--link); }
button.insert { margin-top: .3rem; font: inherit; font-size: .8rem; padding: .15rem .6rem; cursor: pointer; border: 1px solid var(--s); color: var(--s); background: var(--s-bg); border-radius: 3px; }

.findings { border-collapse: collapse; width: 100%; font-size: .85rem; }
.findings th, .findings td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
.findings .sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-information { color: var(--information); }
.sev-hint { color: var(--hint); }
.sev::before { display: inline-block; width: 1.1em; }
.sev-error::before { content: "✖"; }
.sev-warning::before { content: "▲"; }
.sev-information::before { content: "ℹ"; }
.sev-hint::before { content: "·"; }
.findings .message { overflow-wrap: anywhere; }
.no-findings { color: var(--muted); }

@page { size: A4; margin: 12mm 10mm; }
@media print {
  html, body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 9pt; background: #fff; color: #000; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .back, button.insert { display: none; }
  button.loc { color: inherit; text-decoration: none; }
  .matrix-wrap { overflow: visible; }
  .matrix { font-size: 7.5pt; width: 100%; }
  .matrix thead { display: table-header-group; }
  .matrix tr { break-inside: avoid; }
  .matrix .draft-name { min-width: 0; max-width: 40mm; }
  .matrix .cell { min-width: 0; }
  .matrix .cell a { min-height: 5mm; }
  .matrix .group-h { max-width: none; font-size: 7pt; }
  .vertical { max-height: 30mm; }
  .most-missing tr, .findings tr, .evidence, .facet { break-inside: avoid; }
  .draft { break-before: page; border-top: 0; margin-top: 0; }
  .element, .draft-top, .group-chart, .score-big { break-inside: avoid; }
  .cards { grid-template-columns: repeat(2, 1fr); gap: 2mm; }
  .element:target { outline: 0; }
  /* Folded excerpts stay folded on paper: one excerpt per facet says why it counts, and the count
     of the others is still printed. */
  .more summary { list-style: none; color: inherit; }
}
`;
