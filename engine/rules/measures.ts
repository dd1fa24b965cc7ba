import { firstStartingAt, headingMatches } from '../anchors';
import { chunkMemo, chunkNormalized, chunkProse, type ChunkAnalysis } from '../cache';
import { alternation } from '../pack/compile';
import { anyMatch, type Lang } from '../pack/compiled';
import type { Span } from '../types';
import { chunkIndexAt, type DraftingRule, type RuleContext } from './context';

/** A policy measure or objective that the measure rules inspect. */
export interface MeasureUnit {
  kind: 'measure' | 'objective';
  span: Span;
  /** What its text says (read once per lint, for the three rules). */
  facts: UnitFacts;
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
  const measureHeadings = ctx.options.headings?.length ? headingOption(ctx.options.headings) : pack.drafting.measureHeadings;
  const units: MeasureUnit[] = [];
  const claimed: Span[] = [];
  collectUnits(ctx, 'measure', measureHeadings, units, claimed);
  collectUnits(ctx, 'objective', pack.drafting.objectiveHeadings, units, claimed);
  units.sort(byStart);
  cache.set(doc, units);
  return units;
}

/**
 * Adds the units of the sections whose heading matches `patterns` and that no section claimed
 * before lies around. A module function, not a closure made per lint: V8 drops a closure's
 * optimised code at each full collection once the closure is gone, and compiling this one again
 * cost a long batch more than running it.
 */
function collectUnits(ctx: RuleContext, kind: MeasureUnit['kind'], patterns: Partial<Record<Lang, RegExp>>, units: MeasureUnit[], claimed: Span[]): void {
  for (const section of ctx.doc.sections) {
    if (!headingMatches(section, patterns)) continue;
    if (claimed.some((c) => c.start <= section.span.start && section.span.end <= c.end)) continue;
    claimed.push(section.span);
    for (const span of unitsIn(ctx, section.span)) {
      const facts = factsOf(ctx, span);
      if (!facts.notMeasure) units.push({ kind, span, facts });
    }
  }
}

function byStart(a: MeasureUnit, b: MeasureUnit): number {
  return a.span.start - b.span.start;
}

// The `headings` option compiled, by its patterns: an editor lints with the same option after
// every edit. A few entries at most (one per configuration in use); cleared if it ever grows.
const compiledHeadings = new Map<string, Partial<Record<Lang, RegExp>>>();

function headingOption(headings: string[]): Partial<Record<Lang, RegExp>> {
  const key = JSON.stringify(headings);
  let patterns = compiledHeadings.get(key);
  if (!patterns) {
    if (compiledHeadings.size >= 16) compiledHeadings.clear();
    compiledHeadings.set(key, (patterns = { en: alternation(headings, 'en', '')!, zh: alternation(headings, 'zh', '')! }));
  }
  return patterns;
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/**
 * The entries of a list sorted by start that start inside `outer`, found by binary search: a long
 * draft has many sections and thousands of items, and a filter per section was quadratic.
 */
function startingIn<T extends { span: Span }>(sorted: readonly T[], outer: Span): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(sorted, outer.start); i < sorted.length && sorted[i]!.span.start < outer.end; i++) out.push(sorted[i]!);
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
    if ((kind === 'paragraph' || kind === 'html') && isUnitParagraph(ctx, block.span)) paragraphs.push(block.span);
  }
  return rows.length ? rows : paragraphs;
}

/**
 * Whether a paragraph is a unit rather than an introduction to a list (it ends in a colon) or a
 * label (it is very short); kept with its chunk, as a block never crosses one.
 */
function isUnitParagraph(ctx: RuleContext, span: Span): boolean {
  const { offset, analysis } = ctx.chunks[chunkIndexAt(ctx.chunks, span.start)]!;
  return keptForSpan(analysis, offset, span, 'measure-paragraphs', () => {
    const text = chunkNormalized(analysis, ctx.doc.source, offset).slice(span.start - offset, span.end - offset).trim();
    return !/[:：]$/.test(text) && text.length >= 8;
  });
}

/**
 * The normalised text of a span, read from the chunks it lies in: the draft's whole normalised
 * text is not joined for it, and a chunk that dropped its own is parsed again only if it is read.
 */
function normalizedIn(ctx: RuleContext, span: Span): string {
  let text = '';
  for (let c = chunkIndexAt(ctx.chunks, span.start); c < ctx.chunks.length && ctx.chunks[c]!.offset < span.end; c++) {
    const { offset, analysis } = ctx.chunks[c]!;
    const chunkText = chunkNormalized(analysis, ctx.doc.source, offset);
    text += chunkText.slice(Math.max(0, span.start - offset), Math.min(analysis.length, span.end - offset));
  }
  return text;
}

/**
 * The span of a unit's first line, trimmed of markup and space: where its finding is shown. The
 * prose is read from `prose`, a piece of the draft's prose that starts at `base` and holds the unit
 * (its chunk's, so that the draft's whole prose is never joined for it).
 */
export function unitAnchor(ctx: RuleContext, unit: Span, prose = ctx.doc.prose, base = 0): Span {
  const { doc } = ctx;
  const line = doc.lines.lineAt(unit.start);
  const lineSpan = doc.lines.lineSpan(line);
  let start = Math.max(unit.start, lineSpan.start);
  let end = Math.min(unit.end, lineSpan.end);
  while (start < end && /[\s\u2028\u2029]/.test(prose[start - base]!)) start++;
  while (end > start && /[\s\u2028\u2029]/.test(prose[end - 1 - base]!)) end--;
  return end > start ? { start, end } : lineSpan;
}

// A bracketed placeholder left by a template ("Lead: [responsible body]", 牵头单位：[ ]) is not
// yet an owner, a deadline or a target; a link's text in brackets is real text.
const PLACEHOLDER = /\[[^\]\n]{0,40}\](?![([])/g;

/** A unit's normalised text (`text`, read from its chunks) with template placeholders blanked. */
function unitText(ctx: RuleContext, unit: Span, text: string): string {
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

/** What the measure rules need to know about a unit; each depends on the unit's own text only. */
export interface UnitFacts {
  /** The unit is not a measure (a note, a reference …), whatever its section. */
  notMeasure: boolean;
  /** It names a responsible body (a vague owner such as "relevant departments" does not count). */
  owner: boolean;
  /** It gives a deadline or time frame. */
  timeframe: boolean;
  /** It gives a measurable target. */
  indicator: boolean;
}

/**
 * A span in a chunk of `length` characters as one number, a memo key: exact for chunks under 94
 * million characters, far beyond any draft (a string key per unit cost a string per unit).
 */
function spanKey(start: number, end: number, length: number): number {
  return start * (length + 1) + end;
}

/**
 * A chunk's memo of values by span (`spanKey`), named `name`; made on first use. `chunkMemo` with
 * a callback that makes the map would do, but this is asked per unit at every lint (see `factsOf`).
 */
function spanMemo<T>(analysis: ChunkAnalysis, name: string): Map<number, T> {
  let memo = analysis.memo.get(name) as Map<number, T> | undefined;
  if (!memo) analysis.memo.set(name, (memo = new Map<number, T>()));
  return memo;
}

/**
 * A value about a span inside one chunk, computed once per chunk analysis: kept in the chunk's
 * memo under `name`, by the span's place in the chunk.
 */
function keptForSpan<T>(analysis: ChunkAnalysis, offset: number, span: Span, name: string, compute: () => T): T {
  const memo = spanMemo<T>(analysis, name);
  const key = spanKey(span.start - offset, span.end - offset, analysis.length);
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = compute()));
  return value;
}

/**
 * The facts of a unit, kept with the chunk where it starts, so that after an edit only the edited
 * chunks' units are read again. A unit that runs on into later chunks (an article may) depends on
 * them too, so its facts are kept with the analyses of those chunks and reused only while the same
 * analyses follow: the same text.
 */
function factsOf(ctx: RuleContext, unit: Span): UnitFacts {
  const first = chunkIndexAt(ctx.chunks, unit.start);
  const { offset, analysis } = ctx.chunks[first]!;
  const key = spanKey(unit.start - offset, unit.end - offset, analysis.length);
  if (unit.end <= offset + analysis.length) {
    // The memo read in place rather than through `keptForSpan`: this runs for every unit of the
    // draft at every lint, and a callback made per unit was its largest cost.
    const memo = spanMemo<UnitFacts>(analysis, 'measure-units');
    let facts = memo.get(key);
    if (facts === undefined) memo.set(key, (facts = readFacts(ctx, unit)));
    return facts;
  }
  const through: ChunkAnalysis[] = [];
  for (let c = first + 1; c < ctx.chunks.length && ctx.chunks[c]!.offset < unit.end; c++) through.push(ctx.chunks[c]!.analysis);
  const memo = chunkMemo(analysis, 'measure-units-across', () => new Map<number, { facts: UnitFacts; through: ChunkAnalysis[] }>());
  const kept = memo.get(key);
  if (kept && kept.through.length === through.length && kept.through.every((a, i) => a === through[i])) return kept.facts;
  const facts = readFacts(ctx, unit);
  // Typing in a later chunk makes a new entry at each keystroke while this chunk stays as it was.
  if (memo.size >= 64) memo.clear();
  memo.set(key, { facts, through });
  return facts;
}

function readFacts(ctx: RuleContext, unit: Span): UnitFacts {
  const { drafting } = ctx.pack;
  const normalized = normalizedIn(ctx, unit);
  const text = unitText(ctx, unit, normalized);
  let ownerText = text;
  for (const re of [drafting.vagueOwner.en, drafting.vagueOwner.zh]) if (re) ownerText = ownerText.replace(re, (m) => ' '.repeat(m.length));
  return {
    notMeasure: anyMatch(drafting.notMeasure, normalized),
    owner: anyMatch(drafting.owner, ownerText),
    timeframe: anyMatch(drafting.timeframe, text),
    indicator: anyMatch(drafting.indicator, text),
  };
}

/**
 * A unit's anchor (see `unitAnchor`), kept with the chunk where the unit starts: the anchor lies on
 * the unit's first line, so it depends on that chunk alone even when the unit runs on past it.
 */
function anchorOf(ctx: RuleContext, unit: Span): Span {
  const { offset, analysis } = ctx.chunks[chunkIndexAt(ctx.chunks, unit.start)]!;
  // The unit clipped to its first chunk has the same first line, so the same anchor.
  const clipped = { start: unit.start, end: Math.min(unit.end, offset + analysis.length) };
  const local = keptForSpan(analysis, offset, clipped, 'measure-anchors', (): Span => {
    const anchor = unitAnchor(ctx, clipped, chunkProse(analysis, ctx.doc.source, offset), offset);
    return { start: anchor.start - offset, end: anchor.end - offset };
  });
  return { start: local.start + offset, end: local.end + offset };
}

/** Reports a measure that names no responsible body ("relevant departments" names none). */
export const measureOwner: DraftingRule = {
  id: 'measure-owner',
  check(ctx) {
    for (const unit of measureUnits(ctx)) {
      if (unit.kind !== 'measure' || unit.facts.owner) continue;
      ctx.report({
        span: anchorOf(ctx, unit.span),
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
      if (unit.kind !== 'measure' || unit.facts.timeframe) continue;
      ctx.report({
        span: anchorOf(ctx, unit.span),
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
      if (unit.facts.indicator) continue;
      const what = unit.kind === 'measure' ? { en: 'measure', zh: '措施' } : { en: 'objective', zh: '目标' };
      ctx.report({
        span: anchorOf(ctx, unit.span),
        message: {
          en: `This ${what.en} has no measurable target: give a number with a unit, a count or a share (for example "40 firms certified" or "R&D spending at 2.5% of sales").`,
          zh: `该${what.zh}缺少可量化的指标：请给出带单位的数字、数量或比例（如“认证企业40家”“研发投入占销售收入2.5%”）。`,
        },
      });
    }
  },
};
