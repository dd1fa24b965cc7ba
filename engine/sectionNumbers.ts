import { insertBlock } from './anchors';
import type { DraftDocument, Section } from './markdown/model';
import type { TextEdit } from './types';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 23 → 二十三, 105 → 一百零五: how Chinese numbers its parts and articles. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  }
  const rest = n % 100;
  const tail =
    rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105, "7" → 7; NaN for what is not a number. */
export function parseChineseNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch === '〇' ? '零' : ch);
    if (d >= 0) digit = d;
    else if (ch === '十' || ch === '百') {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

/**
 * How a heading is numbered: 第一章, 一、, （一）, 1., "1 " or 2.3, with the text between the number
 * and the title as the drafter writes it, so a new heading can be numbered the same way.
 */
interface HeadingNumber {
  scheme: NumberScheme;
  value: number;
  /** For `decimal`, the numbers before the last ("2.3" → "2."). */
  prefix: string;
  /** What follows the number before the title: "", " ", "　". */
  gap: string;
  /** The number's length at the start of the heading's text. */
  length: number;
}

const HEADING_NUMBERS: [HeadingNumber['scheme'], RegExp][] = [
  ['chapter', /^第([一二三四五六七八九十百零〇]+)章([ \t\u3000]*)/],
  ['cn1', /^([一二三四五六七八九十]+)、([ \t\u3000]*)/],
  ['cn2', /^（([一二三四五六七八九十]+)）([ \t\u3000]*)/],
  ['decimal', /^((?:\d{1,2}\.)+)(\d{1,2})\.?([ \t\u3000]+)/],
  ['cn3', /^(\d{1,3})[.．]([ \t\u3000]*)(?=\S)/],
  ['arabic', /^(\d{1,3})([ \t\u3000]+)/],
];

// What each heading text's number is: every lint numbers the fixes that insert a section, among
// headings nearly all as they were. Bounded: cleared if it ever grows large.
const knownNumbers = new Map<string, HeadingNumber | null>();

/** The number a heading's text starts with, if it is numbered in a way this module can continue. */
function headingNumber(text: string): HeadingNumber | undefined {
  let known = knownNumbers.get(text);
  if (known === undefined) {
    if (knownNumbers.size >= 4096) knownNumbers.clear();
    knownNumbers.set(text, (known = readHeadingNumber(text) ?? null));
  }
  return known ?? undefined;
}

function readHeadingNumber(text: string): HeadingNumber | undefined {
  for (const [scheme, re] of HEADING_NUMBERS) {
    const m = re.exec(text);
    if (!m) continue;
    if (scheme === 'decimal')
      return { scheme, value: Number(m[2]), prefix: m[1]!, gap: m[3]!, length: m[0].length - m[3]!.length };
    const value = parseChineseNumeral(m[1]!);
    if (Number.isNaN(value)) return undefined;
    return { scheme, value, prefix: '', gap: m[2]!, length: m[0].length - m[2]!.length };
  }
  return undefined;
}

/**
 * The ways drafts number their parts: 第一章, 第一条, 一、, （一）, 1., （1）, a bare "1" and the
 * decimal 2.3 of English headings.
 */
export type NumberScheme = 'chapter' | 'article' | 'cn1' | 'cn2' | 'cn3' | 'cn4' | 'arabic' | 'decimal';

/** A number as its scheme writes it: 第三章 第三条 三、 （三） 3. （3） "3"; `prefix` leads a decimal ("2." for 2.3). */
export function writtenNumber(scheme: NumberScheme, value: number, prefix = ''): string {
  switch (scheme) {
    case 'chapter':
      return `第${chineseNumeral(value)}章`;
    case 'article':
      return `第${chineseNumeral(value)}条`;
    case 'cn1':
      return `${chineseNumeral(value)}、`;
    case 'cn2':
      return `（${chineseNumeral(value)}）`;
    case 'cn3':
      return `${value}.`;
    case 'cn4':
      return `（${value}）`;
    case 'arabic':
      return String(value);
    case 'decimal':
      return `${prefix}${value}`;
  }
}

// The level a numbered part's subsections take: 一、 → （一）, （一） → 1., 2 → 2.1.
const CHILD_SCHEME: Partial<Record<HeadingNumber['scheme'], HeadingNumber['scheme']>> = { cn1: 'cn2', cn2: 'cn3' };

/**
 * The template of a section inserted at `offset` among `siblings` (the sections at the level it goes
 * in), with its first heading numbered like theirs, and the edits that move the numbers of the
 * siblings after it on by one. When the siblings are lines of text recognised as headings
 * (二、重点任务), the new heading is such a line too, not a Markdown heading. Without numbered
 * siblings, a section put under a numbered part (二、重点任务, "## 2 Actions") takes that part's
 * first subsection number. Unnumbered drafts get the template as it is.
 */
function numberInserted(
  doc: DraftDocument,
  siblings: readonly Section[],
  parent: Section | undefined,
  offset: number,
  template: string,
): { template: string; renumber: TextEdit[] } {
  const numbered = siblings
    .filter((s) => s.heading)
    .map((s) => ({ section: s, number: headingNumber(s.heading!.text) }))
    .filter((s): s is { section: Section; number: HeadingNumber } => s.number !== undefined);
  const before = numbered.filter((s) => s.section.span.start < offset);
  const model = before[before.length - 1] ?? numbered[0];
  let scheme: HeadingNumber['scheme'];
  let prefix = '';
  let gap: string;
  let value: number;
  let implicit: boolean;
  if (model) {
    ({ scheme, prefix, gap } = model.number);
    value = before.length ? model.number.value + 1 : 1;
    implicit = model.section.heading!.implicit;
  } else {
    const outer = parent?.heading ? headingNumber(parent.heading.text) : undefined;
    if (!outer) return { template, renumber: [] };
    const child = CHILD_SCHEME[outer.scheme];
    if (child) scheme = child;
    else if (outer.scheme === 'arabic' || outer.scheme === 'decimal') {
      scheme = 'decimal';
      prefix = `${outer.prefix}${outer.value}.`;
    } else return { template, renumber: [] };
    gap = scheme === 'decimal' ? ' ' : '';
    value = 1;
    implicit = parent!.heading!.implicit;
  }
  const numberedTemplate = template.replace(/^(#{1,6})[ \t]+(.*)$/m, (_line, hashes: string, title: string) => {
    const heading = `${writtenNumber(scheme, value, prefix)}${gap}${title}`;
    return implicit ? heading : `${hashes} ${heading}`;
  });
  // The siblings after the new section move on by one, so the numbering stays whole; only each
  // number is rewritten, never a title.
  const renumber: TextEdit[] = [];
  for (const { section, number } of numbered) {
    if (section.span.start < offset || number.scheme !== scheme || number.prefix !== prefix) continue;
    const span = { start: section.heading!.span.start, end: section.heading!.span.start + number.length };
    if (doc.source.slice(span.start, span.end) !== section.heading!.text.slice(0, number.length)) continue;
    renumber.push({ span, range: doc.lines.rangeOf(span), newText: writtenNumber(scheme, number.value + 1, prefix) });
  }
  return { template: numberedTemplate, renumber };
}

/**
 * The edits that insert a section's template at `offset` (see `insertBlock`), numbered like its
 * siblings (see `numberInserted`). A sibling renumbered right where the section goes in is
 * renumbered by the same edit, as edits may not overlap.
 */
export function insertSection(
  doc: DraftDocument,
  siblings: readonly Section[],
  parent: Section | undefined,
  offset: number,
  template: string,
): TextEdit[] {
  const { template: numbered, renumber } = numberInserted(doc, siblings, parent, offset, template);
  const insert = insertBlock(doc, offset, numbered);
  const joined = renumber.find((e) => e.span.start === offset);
  if (!joined) return [insert, ...renumber];
  const span = { start: offset, end: joined.span.end };
  return [
    { span, range: doc.lines.rangeOf(span), newText: insert.newText + joined.newText },
    ...renumber.filter((e) => e !== joined),
  ];
}

/**
 * A section template typed at `offset` with its first heading at `level` (a completion), numbered
 * like the parts of the section it goes in, and the edits that move the later parts' numbers on.
 */
export function numberSectionAt(
  doc: DraftDocument,
  offset: number,
  level: number,
  template: string,
): { template: string; renumber: TextEdit[] } {
  let parent: Section | undefined;
  for (const s of doc.sections)
    if (s.level < level && s.span.start <= offset && offset <= s.span.end && (!parent || s.level >= parent.level))
      parent = s;
  const siblings = parent
    ? parent.children.map((i) => doc.sections[i]!).filter((s) => s.level === level)
    : doc.sections.filter((s) => s.heading && s.level === level);
  const { template: numbered, renumber } = numberInserted(
    doc,
    siblings,
    parent?.heading ? parent : undefined,
    offset,
    template,
  );
  // The heading being typed is not a sibling the new one goes after.
  return { template: numbered, renumber: renumber.filter((e) => e.span.start > offset) };
}
