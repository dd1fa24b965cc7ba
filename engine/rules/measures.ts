import { alternation } from '../pack/compile';
import type { Lang } from '../pack/compiled';
import type { Span } from '../types';
import { anyMatch, type DraftingRule, type RuleContext } from './context';

/** A policy measure or objective that the measure rules inspect. */
export interface MeasureUnit {
  kind: 'measure' | 'objective';
  span: Span;
}

const cache = new WeakMap<RuleContext['doc'], MeasureUnit[]>();

/**
 * The measures and objectives of a draft: the top-level list items, numbered articles, table rows
 * or paragraphs under a measures heading (主要任务, Key actions …) or an objectives heading.
 * Computed once per draft and shared by the three measure rules.
 */
export function measureUnits(ctx: RuleContext): MeasureUnit[] {
  const cached = cache.get(ctx.doc);
  if (cached) return cached;
  const { doc, pack } = ctx;
  const measureHeadings = ctx.options.headings?.length
    ? { en: alternation(ctx.options.headings, 'en', '')!, zh: alternation(ctx.options.headings, 'zh', '')! }
    : pack.drafting.measureHeadings;
  const units: MeasureUnit[] = [];
  const claimed: Span[] = [];
  const collect = (kind: MeasureUnit['kind'], patterns: Partial<Record<Lang, RegExp>>): void => {
    for (const section of doc.sections) {
      if (!section.heading) continue;
      const text = doc.normalized.slice(section.heading.span.start, section.heading.span.end);
      if (!anyMatch(patterns, text)) continue;
      if (claimed.some((c) => c.start <= section.span.start && section.span.end <= c.end)) continue;
      claimed.push(section.span);
      for (const span of unitsIn(ctx, section.span)) {
        if (!anyMatch(pack.drafting.notMeasure, doc.normalized.slice(span.start, span.end))) units.push({ kind, span });
      }
    }
  };
  collect('measure', measureHeadings);
  collect('objective', pack.drafting.objectiveHeadings);
  units.sort((a, b) => a.span.start - b.span.start);
  cache.set(doc, units);
  return units;
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/**
 * The entries of a list sorted by start that start inside `outer`, found by binary search: a long
 * draft has many sections and thousands of items, and a filter per section was quadratic.
 */
function startingIn<T extends { span: Span }>(sorted: readonly T[], outer: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.span.start < outer.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.span.start < outer.end; i++) out.push(sorted[i]!);
  return out;
}

/** The units of one section: list items if it has any, else articles, else rows and paragraphs. */
function unitsIn(ctx: RuleContext, outer: Span): Span[] {
  const { doc } = ctx;
  const items = startingIn(doc.items, outer).filter((i) => within(i.span, outer)).map((i) => i.span);
  if (items.length) return items;
  const articles = startingIn(doc.articles, outer).map((a) => ({ start: a.span.start, end: Math.min(a.span.end, outer.end) }));
  if (articles.length) return articles;
  // A measures table holds the measures, one a row after its header row; the paragraphs around
  // it only introduce or explain it.
  const rows: Span[] = [];
  const paragraphs: Span[] = [];
  let previousKind = '';
  for (const block of startingIn(doc.blocks, outer)) {
    if (!within(block.span, outer)) continue;
    const kind = block.kind;
    const header = kind === 'table-row' && previousKind !== 'table-row';
    previousKind = kind;
    if (kind === 'table-row' && !header) rows.push(block.span);
    if (kind !== 'paragraph' && kind !== 'html') continue;
    // A paragraph ending in a colon introduces a list; a very short one is a label.
    const text = doc.normalized.slice(block.span.start, block.span.end).trim();
    if (!/[:：]$/.test(text) && text.length >= 8) paragraphs.push(block.span);
  }
  return rows.length ? rows : paragraphs;
}

/** The span of a unit's first line, trimmed of markup and space: where its finding is shown. */
export function unitAnchor(ctx: RuleContext, unit: Span): Span {
  const { doc } = ctx;
  const line = doc.lines.lineAt(unit.start);
  const lineSpan = doc.lines.lineSpan(line);
  let start = Math.max(unit.start, lineSpan.start);
  let end = Math.min(unit.end, lineSpan.end);
  while (start < end && /[\s\u2028\u2029]/.test(doc.prose[start]!)) start++;
  while (end > start && /[\s\u2028\u2029]/.test(doc.prose[end - 1]!)) end--;
  return end > start ? { start, end } : lineSpan;
}

// A bracketed placeholder left by a template ("Lead: [responsible body]", 牵头单位：[ ]) is not
// yet an owner, a deadline or a target; a link's text in brackets is real text.
const PLACEHOLDER = /\[[^\]\n]{0,40}\](?![([])/g;

/** A unit's normalised text with template placeholders blanked. */
function unitText(ctx: RuleContext, unit: Span): string {
  const text = ctx.doc.normalized.slice(unit.start, unit.end);
  const source = ctx.doc.source.slice(unit.start, unit.end);
  if (!source.includes('[')) return text;
  let out = '';
  let at = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    out += text.slice(at, m.index) + ' '.repeat(m[0].length);
    at = m.index! + m[0].length;
  }
  return out + text.slice(at);
}

/** Reports a measure that names no responsible body ("relevant departments" names none). */
export const measureOwner: DraftingRule = {
  id: 'measure-owner',
  check(ctx) {
    const { owner, vagueOwner } = ctx.pack.drafting;
    for (const unit of measureUnits(ctx)) {
      if (unit.kind !== 'measure') continue;
      let text = unitText(ctx, unit.span);
      for (const re of [vagueOwner.en, vagueOwner.zh]) if (re) text = text.replace(re, (m) => ' '.repeat(m.length));
      if (anyMatch(owner, text)) continue;
      ctx.report({
        span: unitAnchor(ctx, unit.span),
        message: {
          en: 'This measure names no responsible body: say who leads it (for example "Lead: County Economic Development Bureau"). "Relevant departments" names no one.',
          zh: '该措施未明确责任主体：请写明牵头单位（如“牵头单位：县经信局”）；“有关部门”不算明确的责任主体。',
        },
      });
    }
  },
};

/** Reports a measure with no deadline or time frame. */
export const measureTimeline: DraftingRule = {
  id: 'measure-timeline',
  check(ctx) {
    for (const unit of measureUnits(ctx)) {
      if (unit.kind !== 'measure' || anyMatch(ctx.pack.drafting.timeframe, unitText(ctx, unit.span))) continue;
      ctx.report({
        span: unitAnchor(ctx, unit.span),
        message: {
          en: 'This measure has no deadline or time frame: say by when it is done (for example "Deadline: June 2028" or "2027–2029").',
          zh: '该措施没有完成时限：请写明何时完成（如“完成时限：2028年6月底前”）。',
        },
      });
    }
  },
};

/** Reports a measure or objective with no measurable target. */
export const measureIndicator: DraftingRule = {
  id: 'measure-indicator',
  check(ctx) {
    for (const unit of measureUnits(ctx)) {
      if (anyMatch(ctx.pack.drafting.indicator, unitText(ctx, unit.span))) continue;
      const what = unit.kind === 'measure' ? { en: 'measure', zh: '措施' } : { en: 'objective', zh: '目标' };
      ctx.report({
        span: unitAnchor(ctx, unit.span),
        message: {
          en: `This ${what.en} has no measurable target: give a number with a unit, a count or a share (for example "40 firms certified" or "R&D spending at 2.5% of sales").`,
          zh: `该${what.zh}缺少可量化的指标：请给出带单位的数字、数量或比例（如“认证企业40家”“研发投入占销售收入2.5%”）。`,
        },
      });
    }
  },
};
