import { firstStartingAt, headingMatches } from '../anchors';
import type { DraftDocument } from '../markdown/model';
import { anyMatch, type Lang, type Pack } from '../pack/compiled';
import { alternation } from '../pack/patterns';
import type { Span } from '../types';
import type { ChunkView, DraftingRule, Mark, Marks, RuleSpec } from './rule';

/** What the measure checks read in one block of prose: the facts a measure or objective needs. */
interface BlockFacts extends Mark {
  /** The block's first line, trimmed of markup and space: where a finding about its unit is shown. */
  anchor: Span;
  /** The block is a unit's introduction (it ends in a colon) or a label (it is very short). */
  lead: boolean;
  /** Read as a unit's first block, the unit is not a measure (a prohibition, a definition …). */
  notMeasure: boolean;
  owner: boolean;
  timeframe: boolean;
  indicator: boolean;
}

type Fact = 'owner' | 'timeframe' | 'indicator';
type UnitKind = 'measure' | 'objective';

/** The three measure rules: each asks one fact of the units of the kinds it checks. */
const PARTS: readonly (RuleSpec & { fact: Fact; kinds: readonly UnitKind[] })[] = [
  { id: 'measure-owner', severity: 'warning', options: ['headings'], fact: 'owner', kinds: ['measure'] },
  { id: 'measure-timeline', severity: 'warning', options: ['headings'], fact: 'timeframe', kinds: ['measure'] },
  {
    id: 'measure-indicator',
    severity: 'information',
    options: ['headings'],
    fact: 'indicator',
    kinds: ['measure', 'objective'],
  },
];

/**
 * The measure rules: a measure (an item, article, row or paragraph under a measures heading such as
 * 主要任务 or "Key actions") names a responsible body, a deadline and a measurable target, and an
 * objective a measurable target. Each block's facts are read once, by `scan`; a unit's facts are
 * those of its blocks.
 */
export const measures: DraftingRule<BlockFacts> = {
  ids: PARTS,
  scan: scanBlocks,
  check(ctx, marks) {
    const unitsByHeadings = new Map<string, Unit[]>();
    for (const part of PARTS) {
      if (!ctx.isOn(part.id)) continue;
      const headings = ctx.options(part.id).headings;
      const key = JSON.stringify(headings ?? null);
      let units = unitsByHeadings.get(key);
      if (!units) unitsByHeadings.set(key, (units = measureUnits(ctx.doc, ctx.pack, headings, marks)));
      const messages = ctx.pack.drafting.messages[part.id];
      for (const unit of units) {
        if (!part.kinds.includes(unit.kind) || unit[part.fact]) continue;
        const message = (unit.kind === 'objective' ? messages?.['objective'] : undefined) ?? messages?.['finding'];
        ctx.report({ ruleId: part.id, span: unit.anchor, message: message?.[ctx.lang] ?? part.id });
      }
    }
  },
};

/** A measure or objective, with the facts of its blocks. */
interface Unit {
  kind: UnitKind;
  span: Span;
  anchor: Span;
  owner: boolean;
  timeframe: boolean;
  indicator: boolean;
}

// A bracketed placeholder left by a template ("Lead: [responsible body]", 牵头单位：[ ]) is not
// yet an owner, a deadline or a target; a link's text in brackets is real text.
const PLACEHOLDER = /\[[^\]\n]{0,40}\](?![([])/g;

function scanBlocks(chunk: ChunkView, pack: Pack): BlockFacts[] {
  const { drafting } = pack;
  const out: BlockFacts[] = [];
  for (const block of chunk.blocks) {
    if (block.kind === 'heading') continue;
    const { span } = block;
    const normalized = chunk.normalized.slice(span.start, span.end);
    const text = withoutPlaceholders(chunk.text.slice(span.start, span.end), normalized);
    let ownerText = text;
    for (const re of [drafting.vagueOwner.en, drafting.vagueOwner.zh])
      if (re) ownerText = ownerText.replace(re, (m) => ' '.repeat(m.length));
    const trimmed = normalized.trim();
    out.push({
      span,
      anchor: firstLine(chunk.prose, span),
      lead: /[:：]$/.test(trimmed) || trimmed.length < 8,
      notMeasure: anyMatch(drafting.notMeasure, normalized),
      owner: anyMatch(drafting.owner, ownerText),
      timeframe: anyMatch(drafting.timeframe, text),
      indicator: anyMatch(drafting.indicator, text),
    });
  }
  return out;
}

/** The normalised text of a block with its template placeholders blanked (read from its source). */
function withoutPlaceholders(source: string, normalized: string): string {
  if (!source.includes('[')) return normalized;
  let out = '';
  let at = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    out += normalized.slice(at, m.index) + ' '.repeat(m[0].length);
    at = m.index + m[0].length;
  }
  return out + normalized.slice(at);
}

/** The span of a block's first line in `prose`, trimmed of blanked markup and space. */
function firstLine(prose: string, block: Span): Span {
  let end = prose.indexOf('\n', block.start);
  if (end < 0 || end > block.end) end = block.end;
  let start = block.start;
  while (start < end && /[\s\u2028\u2029]/.test(prose[start]!)) start++;
  while (end > start && /[\s\u2028\u2029]/.test(prose[end - 1]!)) end--;
  return end > start ? { start, end } : { start: block.start, end: block.start };
}

/**
 * The measures and objectives of a draft: the top-level list items, numbered articles, table rows
 * or paragraphs under a measures heading (`headings`, or the pack's) or an objectives heading,
 * with the facts of the blocks they hold.
 */
function measureUnits(
  doc: DraftDocument,
  pack: Pack,
  headings: string[] | undefined,
  marks: Marks<BlockFacts>,
): Unit[] {
  const measureHeadings = headings?.length ? headingOption(headings) : pack.drafting.measureHeadings;
  const units: Unit[] = [];
  const claimed: Span[] = [];
  const collect = (kind: UnitKind, patterns: Partial<Record<Lang, RegExp>>): void => {
    for (const section of doc.sections) {
      if (!headingMatches(section, patterns)) continue;
      if (claimed.some((c) => c.start <= section.span.start && section.span.end <= c.end)) continue;
      claimed.push(section.span);
      for (const span of unitsIn(doc, section.span, marks)) {
        const unit = unitOf(kind, span, marks);
        if (unit) units.push(unit);
      }
    }
  };
  collect('measure', measureHeadings);
  collect('objective', pack.drafting.objectiveHeadings);
  return units.sort((a, b) => a.span.start - b.span.start);
}

/** A unit with the facts of its blocks, or undefined when its first block says it is no measure. */
function unitOf(kind: UnitKind, span: Span, marks: Marks<BlockFacts>): Unit | undefined {
  const blocks = marks.within(span).filter((m) => m.span.end <= span.end || m.span.start === span.start);
  const first = blocks[0];
  if (!first || first.notMeasure) return undefined;
  return {
    kind,
    span,
    anchor: first.anchor.end > first.anchor.start ? first.anchor : first.span,
    owner: blocks.some((b) => b.owner),
    timeframe: blocks.some((b) => b.timeframe),
    indicator: blocks.some((b) => b.indicator),
  };
}

// The `headings` option compiled, by its patterns: an editor lints with the same option after
// every edit. A few entries at most (one per configuration in use); cleared if it ever grows.
const compiledHeadings = new Map<string, Partial<Record<Lang, RegExp>>>();

function headingOption(headings: string[]): Partial<Record<Lang, RegExp>> {
  const key = JSON.stringify(headings);
  let patterns = compiledHeadings.get(key);
  if (!patterns) {
    if (compiledHeadings.size >= 16) compiledHeadings.clear();
    compiledHeadings.set(
      key,
      (patterns = { en: alternation(headings, 'en', '')!, zh: alternation(headings, 'zh', '')! }),
    );
  }
  return patterns;
}

/** The entries of a list sorted by start that start inside `outer`, found by binary search. */
function startingIn<T extends { span: Span }>(sorted: readonly T[], outer: Span): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(sorted, outer.start); i < sorted.length && sorted[i]!.span.start < outer.end; i++)
    out.push(sorted[i]!);
  return out;
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** The units of one section: list items if it has any, else articles, else rows and paragraphs. */
function unitsIn(doc: DraftDocument, outer: Span, marks: Marks<BlockFacts>): Span[] {
  const items = startingIn(doc.items, outer)
    .filter((i) => within(i.span, outer))
    .map((i) => i.span);
  if (items.length) return items;
  const articles = startingIn(doc.articles, outer).map((a) => ({
    start: a.span.start,
    end: Math.min(a.span.end, outer.end),
  }));
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
    if ((kind === 'paragraph' || kind === 'html') && !marks.within(block.span)[0]?.lead) paragraphs.push(block.span);
  }
  return rows.length ? rows : paragraphs;
}
