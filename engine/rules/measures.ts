import { firstStartingAt, headingMatches } from '../anchors';
import { roleFromCues, sectionContexts, sentenceCues } from '../coverage/roles';
import type { DraftDocument, Section } from '../markdown/model';
import { anyMatch, type Lang, type Pack } from '../pack/compiled';
import { alternation } from '../pack/patterns';
import type { MessageLanguage, Span, TextEdit } from '../types';
import {
  fill,
  type ChunkView,
  type DraftingRule,
  type Mark,
  type Marks,
  type RuleContext,
  type RuleSpec,
} from './rule';

/** What the measure checks read in one block of prose: the facts a measure or objective needs. */
interface BlockFacts extends Mark {
  /** The block's first line, trimmed of markup and space: where a finding about its unit is shown. */
  anchor: Span;
  /** Where a unit ending with this block would take appended fields: after its last character. */
  tail: Span;
  /** The block is a unit's introduction (it ends in a colon) or a label (it is very short). */
  lead: boolean;
  /** The block introduces objectives ("Our goals are to:", 主要目标：): the items after it are objectives. */
  leadsObjectives: boolean;
  /** Read as a unit's first block, the unit is not a measure (a prohibition, a definition …). */
  notMeasure: boolean;
  /** The block's first sentence commits someone to act in its own words (will, shall, 将, 应当). */
  commits: boolean;
  /** The level of the block's own Chinese official-document number (see `numberLevel`), or 0. */
  level: number;
  /** The block is a number and one short clause, as a title is written (四、补齐产业链关键环节。). */
  title: boolean;
  owner: boolean;
  timeframe: boolean;
  indicator: boolean;
  /** How the block writes a measure's fields, if it does: `（牵头单位：…）` or `Lead: …` (see `FieldStyle`). */
  fieldStyle: FieldStyle;
  /**
   * For a table row: which of its cells are labelled as a lead column ("Lead", 牵头单位), read as
   * the header row, and which name a lead body, read as a data row.
   */
  cells?: { leadLabel: boolean[]; namesLead: boolean[] };
}

/** How a draft writes a measure's fields: in brackets after it, as labels after it, or not at all. */
type FieldStyle = 'brackets' | 'labels' | 'none';

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
 * objective a measurable target. A unit that lacks several gets one finding that quotes its opening
 * words and lists what it lacks, under each of the rules switched on (`parts`), with a fix that
 * appends the missing fields in the draft's own style. Each block's facts are read once, by `scan`;
 * a unit's facts are those of its blocks.
 */
export const measures: DraftingRule<BlockFacts> = {
  ids: PARTS,
  scan: scanBlocks,
  check(ctx, marks) {
    const on = PARTS.filter((part) => ctx.isOn(part.id));
    if (on.length === 0) return;
    // The rules share their units, unless their `headings` options differ.
    const unitsByHeadings = new Map<string, Unit[]>();
    const lacking = new Map<Unit, (typeof PARTS)[number][]>();
    for (const part of on) {
      const headings = ctx.options(part.id).headings;
      const key = JSON.stringify(headings ?? null);
      let units = unitsByHeadings.get(key);
      if (!units) unitsByHeadings.set(key, (units = measureUnits(ctx.doc, ctx.pack, headings, marks)));
      for (const unit of units) {
        if (!part.kinds.includes(unit.kind) || unit[part.fact]) continue;
        const list = lacking.get(unit) ?? [];
        list.push(part);
        lacking.set(unit, list);
      }
    }
    const style = draftStyle([...unitsByHeadings.values()].flat());
    for (const [unit, parts] of lacking) report(ctx, unit, parts, style);
  },
};

/** A measure or objective, with the facts of its blocks. */
interface Unit {
  kind: UnitKind;
  span: Span;
  anchor: Span;
  tail: Span;
  owner: boolean;
  timeframe: boolean;
  indicator: boolean;
  /** How the unit writes its fields, if it does. */
  fieldStyle: FieldStyle;
}

/** Reports what one unit lacks: one finding, under every rule whose part it lacks. */
function report(ctx: RuleContext, unit: Unit, parts: readonly (typeof PARTS)[number][], style: FieldStyle): void {
  const { doc, pack, lang } = ctx;
  const messages = pack.drafting.messages;
  const what = (part: (typeof PARTS)[number]) => messages[part.id]?.['part']?.[lang] ?? part.id;
  const separator = lang === 'zh' ? '、' : ', ';
  const opening = openingWords(doc.source.slice(unit.anchor.start, unit.anchor.end), lang);
  const first = parts[0]!.id;
  const template =
    (unit.kind === 'objective' ? messages['measure-indicator']?.['objective']?.[lang] : undefined) ??
    messages[first]?.['finding']?.[lang] ??
    '{quote}: {lacks}';
  const message = fill(template, { quote: opening, lacks: parts.map(what).join(separator) });
  const fields = pack.drafting.measureFields[lang];
  const finding: Parameters<RuleContext['report']>[0] = {
    ruleId: first,
    span: unit.anchor,
    message,
    parts: parts.map((p) => p.id),
  };
  if (fields) {
    const title = messages[first]?.['fix']?.[lang] ?? 'Add the missing fields';
    finding.fix = { title, edits: [fieldsEdit(doc, unit, parts, fields, style, lang)], placeholders: true };
  }
  ctx.report(finding);
}

/** The first words of a unit, as a message quotes them: at most about forty characters. */
function openingWords(text: string, lang: MessageLanguage): string {
  const clean = text
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // The measure's own words, before any bracketed fields it already has ("(Lead: …", （牵头单位：…）).
  const fields = clean.search(
    /\s*[(（](?:lead|owner|deadline|indicator|牵头|责任|完成时限)|\s+(?:lead|owner|deadline|indicator):/i,
  );
  return shortened(fields > 0 ? clean.slice(0, fields) : clean, lang);
}

/** A quote cut to about twenty characters (Chinese) or fifty (English), at a word where it can. */
function shortened(clean: string, lang: MessageLanguage): string {
  const limit = lang === 'zh' ? 20 : 48;
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  const space = lang === 'en' ? cut.lastIndexOf(' ') : -1;
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The edit that appends a unit's missing fields after its last character, in the draft's style:
 * `（牵头单位：[ ]；完成时限：[ ]）` where the draft writes its fields in brackets, `牵头单位：[ ]；…`
 * or `Lead: [ ] · Deadline: [ ]` otherwise. It only inserts: the drafter's text stays as it is.
 */
function fieldsEdit(
  doc: DraftDocument,
  unit: Unit,
  parts: readonly (typeof PARTS)[number][],
  fields: { owner: string; timeframe: string; indicator: string },
  style: FieldStyle,
  lang: MessageLanguage,
): TextEdit {
  const labels = parts.map((p) => `${fields[p.fact]}${lang === 'zh' ? '：' : ':'} [ ]`);
  const inserted =
    lang === 'zh'
      ? style === 'brackets'
        ? `（${labels.join('；')}）`
        : labels.join('；')
      : `${/[.;:]$/.test(doc.source.slice(unit.tail.start - 1, unit.tail.start)) ? ' ' : ' · '}${labels.join(' · ')}`;
  const span = { start: unit.tail.start, end: unit.tail.start };
  return { span, range: doc.lines.rangeOf(span), newText: inserted };
}

/**
 * The style most of the draft's units write their fields in. Read from the units alone, so that
 * the blocks outside the measures sections need not be scanned at all.
 */
function draftStyle(units: readonly Unit[]): FieldStyle {
  let brackets = 0;
  let labels = 0;
  for (const unit of units) {
    if (unit.fieldStyle === 'brackets') brackets++;
    else if (unit.fieldStyle === 'labels') labels++;
  }
  return brackets > labels ? 'brackets' : labels > 0 ? 'labels' : 'none';
}

// A bracketed placeholder left by a template ("Lead: [responsible body]", 牵头单位：[ ]) is not
// yet an owner, a deadline or a target; a link's text in brackets is real text.
const PLACEHOLDER = /\[[^\]\n]{0,40}\](?![([])/g;

// A named body as the subject of a commitment: capitalised words before "will" or "shall" ("The
// County Council will", "Trading Standards will"), and not a determiner or pronoun alone. A thing
// the measure builds is written in lower case ("the centre will test"), so it is not taken for one.
// The subject of a passive ("Schools will be supported", "The Programme will be offered") is what
// is acted on, not who acts.
const NAMED_SUBJECT =
  /(?:^|[.;:]\s+|\s)(?:The\s+)?((?!(?:The|A|An|This|That|These|Those|It|Its|They|Each|Every|All|Some|Any|Our|Their|There)\b)[A-Z][\w&'’.-]*(?:\s+(?:of|and|for|&)?\s*[A-Z][\w&'’.-]*){0,5})\s+(?:will|shall|is to|are to|has agreed to|have agreed to|agrees? to)\b(?!\s+be\s+(?:[a-z]+(?:ed|en|wn)|built|set|run|held|made|paid|sent|led|kept|put)\b)/;

/**
 * A paragraph's or item's own number at its start: 5.2, 11., (3), （三）, 三、. A bare number ("200
 * welders") or a decimal before a word in lower case ("1.5 hectares") is a count.
 */
const LEADING_NUMBER =
  /^\s*(?:\d+(?:\.\d+)+\.?(?=\s+[A-Z\u3400-\u9fff])|\d+[.)、．](?!\d)|[(（][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/;

const FIELD_BRACKETS = /[（(](?:牵头|责任|负责|主责)(?:单位|部门)[:：]/;

function scanBlocks(chunk: ChunkView, pack: Pack): BlockFacts[] {
  const { drafting } = pack;
  const out: BlockFacts[] = [];
  for (const block of chunk.blocks) {
    if (block.kind === 'heading') continue;
    const { span } = block;
    const normalized = chunk.normalized.slice(span.start, span.end);
    const source = chunk.text.slice(span.start, span.end);
    const text = withoutPlaceholders(source, normalized);
    let ownerText = text;
    for (const re of [drafting.vagueOwner.en, drafting.vagueOwner.zh])
      if (re) ownerText = ownerText.replace(re, (m) => ' '.repeat(m.length));
    const trimmed = normalized.trim();
    const level = numberLevel(trimmed);
    const firstSentence = chunk.sentences.indexAt(span.start + (normalized.length - normalized.trimStart().length));
    const firstText =
      firstSentence >= 0
        ? chunk.normalized.slice(chunk.sentences.start(firstSentence), chunk.sentences.end(firstSentence))
        : trimmed;
    const role = roleFromCues(sentenceCues(firstText, pack));
    out.push({
      span,
      anchor: firstLine(chunk.prose, span),
      tail: tailOf(chunk.prose, span),
      lead: /[:：]$/.test(trimmed) || trimmed.length < 8,
      leadsObjectives: /[:：]$/.test(trimmed) && anyMatch(drafting.objectiveHeadings, trimmed),
      notMeasure:
        anyMatch(drafting.notMeasure, normalized) ||
        role === 'definition' ||
        role === 'prohibition' ||
        role === 'exclusion' ||
        role === 'formula' ||
        isConductRule(firstText, pack),
      commits: role === 'commitment',
      level,
      title: level > 0 && TITLE_SENTENCE.test(trimmed),
      owner: anyMatch(drafting.owner, ownerText) || NAMED_SUBJECT.test(chunk.prose.slice(span.start, span.end)),
      timeframe: anyMatch(drafting.timeframe, text),
      // The number that opens a paragraph ("5.2 Work with partners", "11.") numbers it; it counts nothing.
      indicator: anyMatch(
        drafting.indicator,
        text.replace(LEADING_NUMBER, (m) => ' '.repeat(m.length)),
      ),
      fieldStyle: FIELD_BRACKETS.test(source)
        ? 'brackets'
        : /(?:牵头单位|责任单位|完成时限)[:：]|\b(?:Lead|Deadline|Indicator):/.test(source)
          ? 'labels'
          : 'none',
      ...(block.kind === 'table-row' ? { cells: readCells(source, normalized, pack) } : {}),
    });
  }
  return out;
}

/**
 * Whether a unit's first sentence is a rule of conduct for those the text regulates: its first
 * duty (应当, shall) falls on a market operator, a seller or a trader, and on no public body,
 * named or vague ("市场开办者应当履行下列义务", "no vehicle shall be parked").
 */
function isConductRule(sentence: string, pack: Pack): boolean {
  const { duty, owner, vagueOwner, regulated } = pack.drafting;
  let end = -1;
  for (const re of [duty.en, duty.zh]) {
    const m = re?.exec(sentence);
    if (m && (end < 0 || m.index + m[0].length < end)) end = m.index + m[0].length;
  }
  if (end < 0) return false;
  // The words up to the duty, the duty included: owner patterns may take it (部门应当). A passive
  // duty names who bears it after it, if at all ("shall be published by the Council").
  const bearer = /^\s+be\b/.test(sentence.slice(end)) ? sentence : sentence.slice(0, end);
  // A vague body (有关部门, 国家机关) is still a public one: its duty is a measure that lacks an owner.
  const publicBody = anyMatch(owner, bearer) || anyMatch(vagueOwner, bearer) || NAMED_SUBJECT.test(sentence);
  return anyMatch(regulated, bearer) && !publicBody;
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

/** An empty span after the block's last character that is not space or blanked markup. */
function tailOf(prose: string, block: Span): Span {
  let end = block.end;
  while (end > block.start && /[\s\u2028\u2029]/.test(prose[end - 1]!)) end--;
  return { start: end, end };
}

/**
 * The measures and objectives of a draft: the top-level list items, numbered articles, table rows
 * or paragraphs under a measures heading (`headings`, or the pack's) or an objectives heading,
 * with the facts of the blocks they hold. A draft with no such section whose title names it a set
 * of measures (若干措施, "Action plan") has its whole body as one. Units that are no measures (a
 * definition, a prohibition, a closing clause, a quoted case study) and those in a section of
 * background, principles, definitions or penalties are left out.
 */
function measureUnits(
  doc: DraftDocument,
  pack: Pack,
  headings: string[] | undefined,
  marks: Marks<BlockFacts>,
): Unit[] {
  const measureHeadings = headings?.length ? headingOption(headings) : pack.drafting.measureHeadings;
  const contextOf = sectionContexts(doc, pack);
  const units: Unit[] = [];
  const claimed: Span[] = [];
  const collect = (kind: UnitKind, sections: readonly Section[], whole = false): void => {
    for (const section of sections) {
      if (claimed.some((c) => c.start <= section.span.start && section.span.end <= c.end)) continue;
      claimed.push(section.span);
      const spans = whole ? [section.span] : ownSpans(doc, section);
      for (const { span, objective, header } of spans.flatMap((own) => unitsIn(doc, own, marks))) {
        const block = doc.blocks[firstStartingAt(doc.blocks, span.start)];
        if (block?.quoted) continue;
        const context = block ? contextOf(block.section) : 'none';
        if (context !== 'measures' && context !== 'none') continue;
        const unit = unitOf(objective ? 'objective' : kind, span, marks);
        if (!unit) continue;
        const lead = header ? ownerInColumn(marks, header, span) : undefined;
        if (lead !== undefined) unit.owner = lead;
        units.push(unit);
      }
    }
  };
  // The draft's title (its only top-level heading) names the draft, not a section of it: "Saltby
  // Action Plan" is read by the pack's titles below, not as a heading of actions.
  const titles = doc.sections.filter((s) => s.heading?.level === 1);
  const title = titles.length === 1 ? titles[0] : undefined;
  const matching = (patterns: Partial<Record<Lang, RegExp>>) => doc.sections.filter((s) => headingMatches(s, patterns));
  const measureSections = matching(measureHeadings).filter((s) => s !== title);
  // A section no heading names as measures but written as measures (a draft's own headings:
  // "Priority 2: Skills", （三）发展乡村民宿) holds measures too, unless it says how the plan is
  // delivered (the board that oversees it, its review, its funding).
  const byContent = doc.sections.filter(
    (s) =>
      s !== title &&
      s.heading &&
      contextOf(s.index) === 'none' &&
      !headingMatches(s, pack.drafting.deliveryHeadings) &&
      readsAsMeasures(doc, s, marks),
  );
  if (measureSections.length)
    collect(
      'measure',
      [...measureSections, ...byContent].sort((a, b) => a.span.start - b.span.start),
    );
  else {
    collect('measure', matching(pack.drafting.measureTitles), true);
    collect('measure', byContent);
  }
  collect(
    'objective',
    matching(pack.drafting.objectiveHeadings).filter((s) => s !== title),
  );
  return units.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Whether a section that no heading names as measures is written as measures all the same: most
 * of its own units (at least three) commit someone to act in their own words (will, shall, 将, 应当).
 */
function readsAsMeasures(doc: DraftDocument, section: Section, marks: Marks<BlockFacts>): boolean {
  const units = unitsIn(doc, ownSpan(doc, section), marks);
  if (units.length < 3) return false;
  let commits = 0;
  for (const { span } of units) if (marks.within(span)[0]?.commits) commits++;
  return commits >= 0.6 * units.length;
}

/**
 * A section's own text and each of its subsections', apart: each is written its own way (a list
 * of actions under one heading, a table under the next, prose paragraphs under a third), so each
 * gives its units by its own form.
 */
function ownSpans(doc: DraftDocument, section: Section): Span[] {
  const spans: Span[] = [];
  const visit = (s: Section): void => {
    spans.push(ownSpan(doc, s));
    for (const child of s.children) visit(doc.sections[child]!);
  };
  visit(section);
  return spans;
}

/** A section's own text: from its heading to its first subsection. */
function ownSpan(doc: DraftDocument, section: Section): Span {
  const first = section.children.length ? doc.sections[section.children[0]!] : undefined;
  return { start: section.span.start, end: first ? first.span.start : section.span.end };
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
    tail: blocks[blocks.length - 1]!.tail,
    owner: blocks.some((b) => b.owner),
    timeframe: blocks.some((b) => b.timeframe),
    indicator: blocks.some((b) => b.indicator),
    fieldStyle: blocks.find((b) => b.fieldStyle !== 'none')?.fieldStyle ?? 'none',
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

/**
 * The units of one section: list items if it has any, else articles, else rows and paragraphs.
 * Items after a lead-in that introduces objectives ("Our goals are to:") are objectives.
 */
function unitsIn(
  doc: DraftDocument,
  outer: Span,
  marks: Marks<BlockFacts>,
): { span: Span; objective?: boolean; header?: Span }[] {
  const items = startingIn(doc.items, outer).filter((i) => within(i.span, outer));
  if (items.length) {
    return items.map((item) => {
      // The block just before the run of items this one belongs to.
      let b = firstStartingAt(doc.blocks, item.span.start) - 1;
      while (b >= 0 && doc.blocks[b]!.item >= 0) b--;
      const lead = b >= 0 ? marks.within(doc.blocks[b]!.span)[0] : undefined;
      return lead?.leadsObjectives ? { span: item.span, objective: true } : { span: item.span };
    });
  }
  const articles = startingIn(doc.articles, outer).map((a) => ({
    span: { start: a.span.start, end: Math.min(a.span.end, outer.end) },
  }));
  if (articles.length) return articles;
  // A measures table holds the measures, one a row after its header row; the paragraphs around
  // it only introduce or explain it.
  const rows: { span: Span; header: Span }[] = [];
  const paragraphs: { span: Span; level: number; title: boolean }[] = [];
  let previousKind = '';
  let header: Span | undefined;
  for (const block of startingIn(doc.blocks, outer)) {
    if (!within(block.span, outer)) continue;
    const kind = block.kind;
    if (kind === 'table-row' && previousKind !== 'table-row') header = block.span;
    else if (kind === 'table-row' && header) rows.push({ span: block.span, header });
    previousKind = kind;
    const facts = kind === 'paragraph' || kind === 'html' ? marks.within(block.span)[0] : undefined;
    if (facts && !facts.lead) paragraphs.push({ span: block.span, level: facts.level, title: facts.title });
  }
  if (rows.length) return rows;
  // A numbered title on its own line with the parts it numbers after it, one level down
  // (四、补齐产业链关键环节。 then （一）…（二）…), is the title of those measures, not one itself.
  return paragraphs
    .filter((p, i) => !(p.title && (paragraphs[i + 1]?.level ?? 0) > p.level))
    .map(({ span }) => ({ span }));
}

/** The level of a paragraph's own Chinese official-document number: 一、 1, （一） 2, 1. 3, （1） 4; else 0. */
function numberLevel(text: string): number {
  if (/^[一二三四五六七八九十]+、/.test(text)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(text)) return 2;
  if (/^\d+[.．、](?!\d)/.test(text)) return 3;
  if (/^[(（]\d+[)）]/.test(text)) return 4;
  return 0;
}

/**
 * One short clause after a number (read with `numberLevel`), as a title is written
 * (四、补齐产业链关键环节。).
 */
const TITLE_SENTENCE = /^\S{1,6}?\s*[^。；;，,：:\s]{2,20}。?$/u;

/**
 * Whether a table row names its lead, when its table has a column for it ("Lead", 牵头单位): the
 * owner is that cell, whatever else the row names (a university in the action's own words is what
 * it builds or works with). Undefined when the table has no such column.
 */
function ownerInColumn(marks: Marks<BlockFacts>, header: Span, row: Span): boolean | undefined {
  const labels = marks.within(header)[0]?.cells?.leadLabel;
  const column = labels ? labels.indexOf(true) : -1;
  if (column < 0) return undefined;
  return marks.within(row)[0]?.cells?.namesLead[column] ?? false;
}

/**
 * A table row's cells, cut at the source's pipes (the normalised text blanks them): whether each
 * labels a lead column, and whether each names a body once vague ones and placeholders are gone.
 */
function readCells(source: string, normalized: string, pack: Pack): { leadLabel: boolean[]; namesLead: boolean[] } {
  const cells: string[] = [];
  let from = 0;
  for (let at = source.indexOf('|'); at >= 0; at = source.indexOf('|', at + 1)) {
    if (source[at - 1] === '\\') continue;
    cells.push(normalized.slice(from, at));
    from = at + 1;
  }
  cells.push(normalized.slice(from));
  // A row written with outer pipes has an empty first cell.
  if (source.trimStart().startsWith('|')) cells.shift();
  const { drafting } = pack;
  return {
    leadLabel: cells.map((cell) => cell.trim() !== '' && anyMatch(drafting.owner, `${cell.trim()}:`)),
    namesLead: cells.map((cell) => {
      let lead = withoutPlaceholders(cell, cell);
      for (const re of [drafting.vagueOwner.en, drafting.vagueOwner.zh]) if (re) lead = lead.replace(re, ' ');
      return /[\p{L}]/u.test(lead.replace(/\b(?:tbc|tbd|n\/a|none)\b|待定|无/gi, ''));
    }),
  };
}
