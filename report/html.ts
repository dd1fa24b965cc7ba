/**
 * The HTML coverage report: one self-contained page (inline style and script, no network, no
 * external fonts) that the CLI writes for `--format html` and the VS Code coverage view shows in a
 * webview. It renders the CLI contract's JSON report plus the pack's rule and group metadata, so
 * both faces show exactly the same thing. Pure: the same arguments give the same string.
 */
import type { Localized, RuleInfo, Severity } from '../engine';
import { anchorId, escapeHtml as h } from './escape';
import { REPORT_SCRIPT } from './htmlScript';
import { REPORT_STYLES } from './htmlStyles';
import { type ReportText, reportText } from './htmlText';
import type { DiagnosticReport, FileReport, JsonReport, Location1 } from './model';

/**
 * What the report needs to know of a rule. A `RuleInfo` fits as it is; a client that only has a
 * server's element summaries can give less (without facets, facet ids stand in for titles).
 */
export type ReportRuleMeta = Pick<RuleInfo, 'id' | 'kind' | 'title'> &
  Partial<Pick<RuleInfo, 'group' | 'k' | 'facets' | 'asks'>>;

/** The pack metadata the report needs: `LintResult.pack.rules` and `.groups` fit as they are. */
export interface HtmlReportMeta {
  rules: readonly ReportRuleMeta[];
  groups: readonly { id: string; title: Localized }[];
}

/** How to render the report. */
export interface HtmlReportOptions {
  /** The language of the report's own words; `auto` follows the majority of the drafts. */
  lang?: 'en' | 'zh' | 'auto';
  /** The page title; a generic one in the report's language when absent. */
  title?: string;
  /** When the report was made, as the caller wants it shown; nothing is shown when absent. */
  generatedAt?: string;
  /**
   * Set when the page is shown in a VS Code webview: the webview's CSP source and a fresh nonce.
   * The page then offers actions (jump to evidence, insert a template) through `postMessage`.
   */
  webview?: { cspSource: string; nonce: string };
}

type Status = 'covered' | 'partial' | 'missing' | 'off';
type CoverageElement = NonNullable<FileReport['coverage']>['elements'][number];

/** A column of the matrix: one coverage element, with what the pack says about it. */
interface Column {
  id: string;
  title: string;
  k?: number;
  asks?: string;
  facetTitles: Map<string, string>;
}

/** A group of columns, as the framework groups its elements. */
interface ColumnGroup {
  id: string;
  title: string;
  columns: Column[];
}

/** Everything the page's parts share, worked out once. */
interface View {
  report: JsonReport;
  lang: 'en' | 'zh';
  t: ReportText;
  groups: ColumnGroup[];
  columns: Column[];
  webview: boolean;
  title: string;
  generatedAt?: string;
}

/** The whole page, from `<!doctype html>` to `</html>`. */
export function renderHtmlReport(report: JsonReport, meta: HtmlReportMeta, options: HtmlReportOptions = {}): string {
  const view = makeView(report, meta, options);
  const main = renderMain(view);
  // A static file gets a nonce derived from its content: deterministic output, and a script that
  // slipped into a draft past the escaping still could not run, as it cannot know the nonce.
  const nonce = options.webview?.nonce ?? contentNonce(main);
  const csp = options.webview
    ? `default-src 'none'; style-src ${options.webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${options.webview.cspSource} data:`
    : `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:`;
  return [
    '<!doctype html>',
    `<html lang="${view.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${h(`${report.tool.name} ${report.tool.version}`)}">`,
    `<title>${h(view.title)}</title>`,
    `<style nonce="${h(nonce)}">${REPORT_STYLES}</style>`,
    '</head>',
    `<body>`,
    `<main id="report">${main}</main>`,
    `<script nonce="${h(nonce)}">${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The inside of the page's `<main>` (heading included): what the coverage view sends to a page
 * that is already open, so that an update keeps the reader's scroll position.
 */
export function renderHtmlReportBody(
  report: JsonReport,
  meta: HtmlReportMeta,
  options: HtmlReportOptions = {},
): string {
  return renderMain(makeView(report, meta, options));
}

/** The report's language: the one asked for, or the one most of the linted drafts are written in. */
export function reportLanguage(report: JsonReport, asked: HtmlReportOptions['lang'] = 'auto'): 'en' | 'zh' {
  if (asked === 'en' || asked === 'zh') return asked;
  let zh = 0;
  let en = 0;
  for (const file of report.files) {
    if (file.language === 'zh') zh++;
    else if (file.language === 'en') en++;
  }
  return zh > en ? 'zh' : 'en';
}

function makeView(report: JsonReport, meta: HtmlReportMeta, options: HtmlReportOptions): View {
  const lang = reportLanguage(report, options.lang);
  const groups = buildColumns(report, meta, lang);
  const t = reportText(lang);
  const view: View = {
    report,
    lang,
    t,
    title: options.title ?? t.title,
    groups,
    columns: groups.flatMap((g) => g.columns),
    webview: Boolean(options.webview),
  };
  if (options.generatedAt) view.generatedAt = options.generatedAt;
  return view;
}

/**
 * The matrix columns: the pack's coverage rules in pack order, grouped by the pack's groups in
 * their order. An element a report has but the metadata lacks (a file linted with another pack)
 * still gets a column, under its own group, so that nothing in the report goes unseen.
 */
function buildColumns(report: JsonReport, meta: HtmlReportMeta, lang: 'en' | 'zh'): ColumnGroup[] {
  const groups: ColumnGroup[] = meta.groups.map((g) => ({ id: g.id, title: g.title[lang], columns: [] }));
  const groupOf = (id: string): ColumnGroup => {
    let group = groups.find((g) => g.id === id);
    if (!group) {
      group = { id, title: '', columns: [] };
      groups.push(group);
    }
    return group;
  };
  const seen = new Set<string>();
  for (const rule of meta.rules) {
    if (rule.kind !== 'coverage' || seen.has(rule.id)) continue;
    seen.add(rule.id);
    const column: Column = {
      id: rule.id,
      title: rule.title[lang] || rule.id,
      facetTitles: new Map((rule.facets ?? []).map((f) => [f.id, f.title[lang] || f.id])),
    };
    if (rule.k !== undefined) column.k = rule.k;
    if (rule.asks?.[lang]) column.asks = rule.asks[lang];
    groupOf(rule.group ?? '?').columns.push(column);
  }
  for (const file of report.files) {
    for (const element of file.coverage?.elements ?? []) {
      if (seen.has(element.id)) continue;
      seen.add(element.id);
      groupOf('?').columns.push({ id: element.id, title: element.id, facetTitles: new Map() });
    }
  }
  return groups.filter((g) => g.columns.length > 0);
}

function renderHeader(view: View): string {
  const tool = `${view.report.tool.name} ${view.report.tool.version}`;
  return `<header class="page-header"><h1>${h(view.title)}</h1><p class="generated">${h(view.t.generated(view.generatedAt ?? '', tool))}</p></header>`;
}

/**
 * The page's content, in a wrapper that carries its language: an update may switch the language
 * (the drafts shown changed), and the styles that keep Chinese column titles upright go by `lang`.
 */
function renderMain(view: View): string {
  const parts = [
    renderHeader(view),
    renderStats(view),
    renderMatrix(view),
    renderMostMissing(view),
    renderFailed(view),
    ...view.report.files.map((f, i) => renderDraft(view, f, i)),
  ];
  return `<div class="report" lang="${view.lang}">${parts.join('\n')}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Small shared pieces

const fileAnchor = (index: number): string => anchorId('draft', index + 1);
const elementAnchor = (index: number, element: string): string => anchorId('draft', index + 1, element);
const percent = (score: number): string => `${Math.round(score * 100)}%`;

/** A path that may wrap after each `/`, so long paths do not widen the matrix. */
const wrappablePath = (path: string): string => h(path).replace(/\//g, '/<wbr>');

/** The `lang` attribute for text quoted from a draft; nothing for a mixed draft. */
const draftLang = (file: FileReport): string =>
  file.language === 'en' || file.language === 'zh' ? ` lang="${file.language}"` : '';

/**
 * A status as a shape: filled, half-filled, hollow circle, or a dash. Shapes (not colour alone)
 * carry the status, so it survives black-and-white printing and colour-blind reading; an SVG
 * rather than a glyph such as ◐, which some fonts lack.
 */
function statusIcon(status: Status): string {
  const shape =
    status === 'covered'
      ? '<circle cx="6" cy="6" r="5" fill="currentColor" stroke="currentColor"/>'
      : status === 'partial'
        ? '<circle cx="6" cy="6" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M6 1.5A4.5 4.5 0 0 0 6 10.5Z" fill="currentColor"/>'
        : status === 'missing'
          ? '<circle cx="6" cy="6" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5"/>'
          : '<path d="M2.5 6H9.5" stroke="currentColor" stroke-width="1.5"/>';
  return `<svg class="icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">${shape}</svg>`;
}

/** The text symbol of a status, for tooltips (plain text cannot hold an SVG). */
const STATUS_SYMBOL: Record<Status, string> = { covered: '●', partial: '◐', missing: '○', off: '–' };

/** Data attributes for a place in a draft that the webview page turns into a jump. */
function placeAttrs(index: number, loc: Location1): string {
  return `data-action="reveal" data-file="${index}" data-line="${loc.line}" data-column="${loc.column}" data-end-line="${loc.endLine}" data-end-column="${loc.endColumn}"`;
}

/** A location, as a button that jumps to it in the webview and as plain text in a file. */
function renderLocation(view: View, index: number, loc: Location1): string {
  const text = h(view.t.line(loc.line, loc.column));
  return view.webview
    ? `<button type="button" class="loc" ${placeAttrs(index, loc)} title="${h(view.t.showInDraft)}">${text}</button>`
    : `<span class="loc">${text}</span>`;
}

function statusOf(file: FileReport, id: string): { status: Status; element?: CoverageElement } {
  const element = file.coverage?.elements.find((e) => e.id === id);
  // An element this file's pack does not have is shown like a disabled one: nothing to ask of it.
  return element ? { status: element.status, element } : { status: 'off' };
}

// ---------------------------------------------------------------------------------------------
// The summary line, the matrix and the "most often missing" table

function renderStats(view: View): string {
  const { report, t } = view;
  const linted = report.files.filter((f) => f.coverage);
  const failed = report.files.length - linted.length;
  const mean = linted.length ? linted.reduce((sum, f) => sum + f.coverage!.score, 0) / linted.length : undefined;
  const s = report.summary;
  const items = [
    `<li data-stat="drafts">${h(t.drafts(report.files.length))}</li>`,
    failed ? `<li data-stat="failed" class="warn"><a href="#failed">${h(t.failedCount(failed))}</a></li>` : '',
    mean === undefined ? '' : `<li data-stat="mean-score">${h(t.meanScore)}: <strong>${percent(mean)}</strong></li>`,
    `<li data-stat="findings">${h(t.findingsCount(s.errors, s.warnings, s.information, s.hints))}</li>`,
  ];
  return `<section id="overview" class="stats" aria-label="${h(t.summary)}"><ul>${items.join('')}</ul></section>`;
}

function renderLegend(t: ReportText): string {
  const entries = (['covered', 'partial', 'missing', 'off'] as const).map(
    (s) => `<li class="s-${s}">${statusIcon(s)} ${h(t.status[s])}</li>`,
  );
  return `<ul class="legend" aria-label="${h(t.legend)}">${entries.join('')}</ul>`;
}

function renderMatrix(view: View): string {
  const { t, groups, columns, report } = view;
  const groupRow = groups
    .map(
      (g) =>
        `<th scope="colgroup" colspan="${g.columns.length}" class="group-h g-start" data-group="${h(g.id)}" title="${h(`${g.id} ${g.title}`.trim())}">` +
        `<span class="group-id">${h(g.id)}</span> <span class="group-title">${h(g.title)}</span></th>`,
    )
    .join('');
  const elementRow = groups
    .flatMap((g) =>
      g.columns.map(
        (c, i) =>
          `<th scope="col" class="el-h${i === 0 ? ' g-start' : ''}" data-element="${h(c.id)}" title="${h(`${c.title} (${c.id})`)}"><span class="vertical">${h(c.title)}</span></th>`,
      ),
    )
    .join('');
  const rows = report.files.map((file, index) => {
    const name = `<th scope="row" class="draft-name"><a href="#${fileAnchor(index)}">${wrappablePath(file.path)}</a></th>`;
    if (!file.coverage) {
      return `<tr class="failed-row" data-file="${index}">${name}<td class="score">–</td><td class="failed-cell" colspan="${columns.length}">${h(t.notLinted)}: ${h(file.error ?? '')}</td></tr>`;
    }
    const cells = groups.flatMap((g) => g.columns.map((c, i) => renderCell(view, file, index, c, i === 0)));
    return `<tr data-file="${index}">${name}<td class="score" data-score="${file.coverage.score}">${percent(file.coverage.score)}</td>${cells.join('')}</tr>`;
  });
  const colgroups = `<colgroup><col class="draft-col"><col class="score-col"></colgroup>${groups.map((g) => `<colgroup span="${g.columns.length}"></colgroup>`).join('')}`;
  return (
    `<section id="matrix" aria-labelledby="matrix-title"><h2 id="matrix-title">${h(t.matrix)}</h2>` +
    `<p class="hint">${h(t.matrixHint)}</p>${renderLegend(t)}` +
    `<div class="matrix-wrap"><table class="matrix">${colgroups}<thead>` +
    `<tr class="groups-row"><th scope="col" rowspan="2" class="draft-h">${h(t.draft)}</th><th scope="col" rowspan="2" class="score-h">${h(t.score)}</th>${groupRow}</tr>` +
    `<tr class="elements-row">${elementRow}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function renderCell(view: View, file: FileReport, index: number, column: Column, groupStart: boolean): string {
  const { t } = view;
  const { status, element } = statusOf(file, column.id);
  const facets = element?.facets ?? [];
  const covered = facets.filter((f) => f.covered).length;
  // The tooltip is the facet detail on hover: one line per facet, ✓ or ✗, so a reader need not
  // leave the matrix to see what is there and what is not.
  const lines = [`${column.title}: ${STATUS_SYMBOL[status]} ${t.status[status]}`];
  if (element && status !== 'off') {
    lines.push(t.facetsCovered(covered, facets.length, column.k));
    for (const f of facets) lines.push(`${f.covered ? '✓' : '✗'} ${column.facetTitles.get(f.id) ?? f.id}`);
  }
  const label = `${column.title}: ${t.status[status]}${element && status !== 'off' ? ` (${t.facetsCovered(covered, facets.length, column.k)})` : ''}`;
  const action = view.webview ? ` data-action="element" data-file="${index}" data-element="${h(column.id)}"` : '';
  return (
    `<td class="cell s-${status}${groupStart ? ' g-start' : ''}" data-element="${h(column.id)}" data-status="${status}">` +
    `<a href="#${elementAnchor(index, column.id)}" aria-label="${h(label)}" title="${h(lines.join('\n'))}"${action}>${statusIcon(status)}<span class="cell-text">${STATUS_SYMBOL[status]}</span></a></td>`
  );
}

function renderMostMissing(view: View): string {
  const { t, report, groups } = view;
  const linted = report.files.filter((f) => f.coverage);
  const counts = groups.flatMap((g) =>
    g.columns.map((c) => {
      const n = { covered: 0, partial: 0, missing: 0, off: 0 };
      for (const file of linted) n[statusOf(file, c.id).status]++;
      return { group: g, column: c, ...n, total: linted.length - n.off };
    }),
  );
  counts.sort((a, b) => b.missing - a.missing || b.partial - a.partial || a.covered - b.covered);
  const body = counts.map((c) => {
    const bar = renderCountBar(c.covered, c.partial, c.total);
    return (
      `<tr data-element="${h(c.column.id)}" data-missing="${c.missing}" data-partial="${c.partial}" data-covered="${c.covered}">` +
      `<th scope="row">${h(c.column.title)}</th><td class="group-cell">${h(c.group.id)}</td>` +
      `<td class="num">${c.missing} / ${c.total}</td><td class="num">${c.partial}</td><td class="num">${c.covered}</td><td class="bar-cell">${bar}</td></tr>`
    );
  });
  const none = counts.every((c) => c.missing === 0 && c.partial === 0) && linted.length > 0;
  return (
    `<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">${h(t.mostMissing)}</h2>` +
    `<p class="hint">${h(none ? t.nothingMissing : t.mostMissingHint)}</p>` +
    `<table class="most-missing"><thead><tr><th scope="col">${h(t.element)}</th><th scope="col">${h(t.group)}</th>` +
    `<th scope="col">${h(t.missingIn)}</th><th scope="col">${h(t.partialIn)}</th><th scope="col">${h(t.coveredIn)}</th><th scope="col"><span class="sr">${h(t.legend)}</span></th></tr></thead>` +
    `<tbody>${body.join('')}</tbody></table></section>`
  );
}

/** A stacked bar of covered / partial counts out of `total`; the rest of the bar is the missing share. */
function renderCountBar(covered: number, partial: number, total: number, width = 120): string {
  if (total <= 0) return '';
  const w = (n: number): number => Math.round((n / total) * width * 10) / 10;
  const cw = w(covered);
  const pw = w(partial);
  const mw = Math.max(0, width - cw - pw);
  return (
    `<svg class="count-bar" viewBox="0 0 ${width} 10" width="${width}" height="10" aria-hidden="true" focusable="false">` +
    `<rect class="bar-covered" x="0" y="0" width="${cw}" height="10"/>` +
    `<rect class="bar-partial" x="${cw}" y="0" width="${pw}" height="10"/>` +
    `<rect class="bar-missing" x="${cw + pw}" y="0" width="${mw}" height="10"/></svg>`
  );
}

function renderFailed(view: View): string {
  const failed = view.report.files.map((f, i) => ({ f, i })).filter(({ f }) => !f.coverage);
  if (!failed.length) return '';
  const items = failed.map(
    ({ f, i }) =>
      `<li id="${fileAnchor(i)}" data-file="${i}"><span class="path">${wrappablePath(f.path)}</span>: <span class="error">${h(f.error ?? view.t.notLinted)}</span></li>`,
  );
  return `<section id="failed" aria-labelledby="failed-title"><h2 id="failed-title">${h(view.t.failed)}</h2><p class="hint">${h(view.t.failedHint)}</p><ul class="failed-list">${items.join('')}</ul></section>`;
}

// ---------------------------------------------------------------------------------------------
// One draft: score, group chart, evidence per element, findings

function renderDraft(view: View, file: FileReport, index: number): string {
  if (!file.coverage) return '';
  const { t } = view;
  const coverage = file.coverage;
  const meta = [
    file.language ? t.language[file.language] : '',
    `${t.score} ${percent(coverage.score)}`,
    coverage.offTopic ? t.offTopic : '',
    `${t.findings}: ${file.diagnostics.length}`,
  ].filter(Boolean);
  const elements = view.groups
    .map((g) => {
      const cards = g.columns.map((c) => renderElementCard(view, file, index, c)).join('');
      return `<div class="group-block" data-group="${h(g.id)}"><h4 class="group-title"><span class="group-id">${h(g.id)}</span> ${h(g.title)}</h4><div class="cards">${cards}</div></div>`;
    })
    .join('');
  return (
    `<section class="draft" id="${fileAnchor(index)}" data-file="${index}" aria-labelledby="${fileAnchor(index)}-title">` +
    `<header class="draft-header"><h2 id="${fileAnchor(index)}-title"><span class="path">${wrappablePath(file.path)}</span></h2>` +
    `<p class="draft-meta">${meta.map((m) => `<span>${h(m)}</span>`).join('')}</p><a class="back" href="#matrix">${h(t.backToMatrix)}</a></header>` +
    `<div class="draft-top"><div class="score-big" data-score="${coverage.score}"><span class="score-value">${percent(coverage.score)}</span><span class="score-label">${h(t.score)}</span></div>` +
    `<figure class="group-chart"><figcaption>${h(t.groupsChart)}</figcaption>${renderGroupChart(view, file, index)}</figure></div>` +
    `<h3>${h(t.coverage)}</h3><div class="elements">${elements}</div>` +
    `<h3>${h(t.findings)}</h3>${renderFindings(view, file, index)}</section>`
  );
}

/** Horizontal bars, one per group: covered, then partial (hatched), then missing, out of the group's elements. */
function renderGroupChart(view: View, file: FileReport, index: number): string {
  const { t } = view;
  const barX = 0;
  const barWidth = 250;
  const rowHeight = 34;
  const hatch = anchorId('hatch', index + 1);
  const labels: string[] = [];
  const rows = view.groups.map((g, row) => {
    const n = { covered: 0, partial: 0, missing: 0, off: 0 };
    for (const c of g.columns) n[statusOf(file, c.id).status]++;
    const total = n.covered + n.partial + n.missing;
    const label = t.groupBar(g.id, g.title, n.covered, n.partial, n.missing, total);
    labels.push(label);
    const y = row * rowHeight;
    const w = (k: number): number => (total ? Math.round((k / total) * barWidth * 10) / 10 : 0);
    const cw = w(n.covered);
    const pw = w(n.partial);
    const value = total ? `${n.covered}● ${n.partial}◐ ${n.missing}○ / ${total}` : '–';
    return (
      `<g class="group-bar" data-group="${h(g.id)}" data-covered="${n.covered}" data-partial="${n.partial}" data-missing="${n.missing}"><title>${h(label)}</title>` +
      `<text class="chart-label" x="${barX}" y="${y + 11}">${h(`${g.id} · ${g.title}`)}</text>` +
      `<rect class="bar-missing" x="${barX}" y="${y + 15}" width="${barWidth}" height="12"/>` +
      `<rect class="bar-covered" x="${barX}" y="${y + 15}" width="${cw}" height="12"/>` +
      `<rect class="bar-partial" x="${barX + cw}" y="${y + 15}" width="${pw}" height="12"/>` +
      `<rect x="${barX + cw}" y="${y + 15}" width="${pw}" height="12" fill="url(#${hatch})"/>` +
      `<text class="chart-value" x="${barX + barWidth + 8}" y="${y + 25}">${h(value)}</text></g>`
    );
  });
  const height = view.groups.length * rowHeight;
  return (
    `<svg class="chart" viewBox="0 0 360 ${height}" width="360" height="${height}" role="img" aria-label="${h(labels.join('; '))}">` +
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><rect class="hatch-line" x="0" y="0" width="1.5" height="4"/></pattern></defs>` +
    `${rows.join('')}</svg>`
  );
}

function renderElementCard(view: View, file: FileReport, index: number, column: Column): string {
  const { t } = view;
  const { status, element } = statusOf(file, column.id);
  const facets = element?.facets ?? [];
  const covered = facets.filter((f) => f.covered).length;
  const detail = status === 'off' ? t.elementOff : t.facetsCovered(covered, facets.length, column.k);
  const facetItems =
    status === 'off'
      ? ''
      : facets
          .map((f) => {
            const title = h(column.facetTitles.get(f.id) ?? f.id);
            if (!f.covered)
              return `<li class="facet no" data-facet="${h(f.id)}"><span class="mark" aria-hidden="true">✗</span> ${title} <span class="not-found">(${h(t.notFound)})</span></li>`;
            return `<li class="facet yes" data-facet="${h(f.id)}"><span class="mark" aria-hidden="true">✓</span> ${title}${renderEvidence(view, file, index, f.evidence)}</li>`;
          })
          .join('');
  const hint =
    (status === 'missing' || status === 'partial') && column.asks ? `<p class="asks">${h(column.asks)}</p>` : '';
  const insert =
    view.webview &&
    (status === 'missing' || status === 'partial') &&
    file.diagnostics.some((d) => d.ruleId === column.id && d.fix)
      ? `<button type="button" class="insert" data-action="insertTemplate" data-file="${index}" data-element="${h(column.id)}">${h(status === 'missing' ? t.insertTemplate : t.insertFacets)}</button>`
      : '';
  return (
    `<article class="element s-${status}" id="${elementAnchor(index, column.id)}" data-element="${h(column.id)}" data-status="${status}">` +
    `<h5>${statusIcon(status)} <span class="element-title">${h(column.title)}</span> <span class="status-text">${h(t.status[status])}</span></h5>` +
    `<p class="facet-count">${h(detail)}</p>${hint}${facetItems ? `<ul class="facets">${facetItems}</ul>` : ''}${insert}</article>`
  );
}

/**
 * How many excerpts a facet shows before the rest fold away (the engine keeps up to ten): one is
 * enough to see why a facet counts, and thirty drafts of fifteen elements stay readable.
 */
const EVIDENCE_SHOWN = 1;

function renderEvidence(
  view: View,
  file: FileReport,
  index: number,
  evidence: (Location1 & { text: string })[],
): string {
  if (!evidence.length) return '';
  const item = (e: Location1 & { text: string }): string =>
    `<li class="evidence"><q${draftLang(file)}>${h(e.text)}</q> ${renderLocation(view, index, e)}</li>`;
  const shown = evidence.slice(0, EVIDENCE_SHOWN).map(item).join('');
  const rest = evidence.slice(EVIDENCE_SHOWN);
  const more = rest.length
    ? `<details class="more"><summary>${h(view.t.moreEvidence(rest.length))}</summary><ul class="evidence-list">${rest.map(item).join('')}</ul></details>`
    : '';
  return `<ul class="evidence-list">${shown}</ul>${more}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function renderFindings(view: View, file: FileReport, index: number): string {
  const { t } = view;
  if (!file.diagnostics.length) return `<p class="no-findings">${h(t.noFindings)}</p>`;
  const sorted = [...file.diagnostics].sort(
    (a, b) => a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const coverageIds = new Set(view.columns.map((c) => c.id));
  const rows = sorted.map((d: DiagnosticReport) => {
    const rule = coverageIds.has(d.ruleId)
      ? `<a href="#${elementAnchor(index, d.ruleId)}"><code>${h(d.ruleId)}</code></a>`
      : `<code>${h(d.ruleId)}</code>`;
    return (
      `<tr data-rule="${h(d.ruleId)}" data-severity="${d.severity}"><td class="sev sev-${d.severity}">${h(t.severity[d.severity])}</td>` +
      `<td class="loc-cell">${renderLocation(view, index, d)}</td><td class="rule-cell">${rule}</td><td class="message">${h(d.message)}</td></tr>`
    );
  });
  return (
    `<table class="findings"><thead><tr><th scope="col">${h(t.severityHeading)}</th><th scope="col">${h(t.location)}</th>` +
    `<th scope="col">${h(t.rule)}</th><th scope="col">${h(t.message)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** A nonce from the page's content (64-bit FNV-1a, twice seeded), so the same report gives the same file. */
function contentNonce(text: string): string {
  let a = 0xcbf29ce4;
  let b = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
