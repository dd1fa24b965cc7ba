import type { Pack } from '../pack/compiled';
import type { Span } from '../types';
import { firstStartingAt } from '../anchors';
import { parseChineseNumeral, writtenNumber } from '../sectionNumbers';
import { fill, type ChunkView, type DraftingRule, type Mark, type RuleContext } from './rule';

/**
 * The numbering schemes the rule follows. Chinese official documents (公文, as GB/T 9704 practice
 * has it) number their levels 一、 → （一） → 1. → （1）, and regulations their chapters and
 * articles 第一章, 第一条; English drafts number headings and paragraphs 1, 1.1, 1.1.1 and their
 * measures 1., 2., 3. or "Action 1", "Action 2".
 */
type Scheme = 'cn1' | 'cn2' | 'cn3' | 'cn4' | 'chapter' | 'article' | 'decimal' | 'list' | 'labelled' | 'heading';

/** A number at the start of a heading, a paragraph or a list item. */
interface Numbered extends Mark {
  scheme: Scheme;
  /** For `decimal`, the numbers before the last ("2.3" → [2]); for `labelled`, its word's code. */
  parent: number[];
  /** For `labelled`, its word as written ("Action"). */
  word?: string;
  value: number;
  /** The number as written, with the punctuation it should have, when it has other punctuation. */
  proper?: string;
}

/** The depth of each Chinese level: a number at one level starts the deeper levels afresh. */
const CN_LEVEL: Partial<Record<Scheme, number>> = { cn1: 1, cn2: 2, cn3: 3, cn4: 4 };

/**
 * Checks that numbered parts, articles and measures follow one another: none skipped, repeated or
 * out of order, each with the punctuation its level takes (一、 not 一. ; （一） not (一)、). Each
 * finding says which number was expected; a wrong punctuation mark gets a fix that writes the
 * number properly.
 */
export const numbering: DraftingRule<Numbered> = {
  ids: [{ id: 'numbering', severity: 'warning' }],
  scan: numbersIn,
  check(ctx, marks) {
    const last = new Map<string, number>();
    // A second number each count may follow. A deeper level's last number when a higher level
    // starts afresh: many 行动方案 number their tasks 1. to 19. straight through the （一）（二）
    // parts, so either 1. or the next number is right. After a slip, the number it should have had:
    // a drafter who repeats 第十二条 may go on from either.
    const carried = new Map<string, number>();
    // Which number a scheme expects next: one after the last at the same place, or the first.
    const keyOf = (m: Numbered) => `${m.scheme}:${m.parent.join('.')}`;
    for (const m of marks.all()) {
      if (m.scheme === 'heading') {
        // A heading without a number (a statute's "(c) Grants", a plain "### 茶园") may start its
        // numbered paragraphs again or carry on.
        for (const key of ['cn3:', 'cn4:']) {
          const value = last.get(key);
          if (value !== undefined) carried.set(key, value);
          last.delete(key);
        }
        continue;
      }
      const level = CN_LEVEL[m.scheme];
      // A number at a level starts the deeper levels' counts afresh; so does a chapter or an
      // article, whose enumerated items start again at （一）.
      const deeperThan = m.scheme === 'chapter' || m.scheme === 'article' ? 0 : level;
      if (deeperThan !== undefined) {
        for (const [scheme, depth] of Object.entries(CN_LEVEL)) {
          if (depth! <= deeperThan) continue;
          const key = `${scheme}:`;
          const value = last.get(key);
          // Only the level just below carries on: a new 一、 part starts its tasks again.
          if (value !== undefined && depth === deeperThan + 1) carried.set(key, value);
          else if (depth! > deeperThan + 1 || deeperThan === 0) carried.delete(key);
          last.delete(key);
        }
      }
      if (m.scheme === 'decimal') {
        const prefix = `decimal:${m.parent.join('.')}`;
        for (const key of [...last.keys()])
          if (key.startsWith('decimal:') && key.length > prefix.length) last.delete(key);
      }
      const place = placeInList(ctx.doc, m);
      if (place === 'skipped') continue;
      if (place === 'first') last.delete(keyOf(m));
      const key = keyOf(m);
      let previous = last.get(key);
      let expected = previous === undefined ? (m.scheme === 'list' ? m.value : 1) : previous + 1;
      // The other number this one may follow: the last of a run carried over a heading, or the
      // number a slip should have had. Either reading is right; a slip is measured from the nearer.
      const other = carried.get(key);
      carried.delete(key);
      if (other !== undefined && m.value !== expected && Math.abs(m.value - other - 1) < Math.abs(m.value - expected)) {
        expected = other + 1;
        previous = other;
      }
      if (m.value !== expected) {
        report(ctx, m, expected, previous);
        carried.set(key, expected);
      } else if (m.proper !== undefined) reportPunctuation(ctx, m);
      last.set(key, m.value);
    }
  },
};

function report(ctx: RuleContext, m: Numbered, expected: number, previous: number | undefined): void {
  const messages = ctx.pack.drafting.messages['numbering'];
  const written = ctx.doc.source.slice(m.span.start, m.span.end).trim();
  const want = formatted(m.scheme, m.parent, expected, m.word);
  const kind =
    previous === undefined
      ? 'finding'
      : previous === m.value
        ? 'repeated'
        : m.value < previous
          ? 'backwards'
          : 'skipped';
  const template = messages?.[kind]?.[ctx.lang] ?? messages?.['finding']?.[ctx.lang] ?? '{found} → {expected}';
  ctx.report({
    ruleId: 'numbering',
    span: m.span,
    message: fill(template, {
      found: written,
      expected: want,
      previous: previous === undefined ? '' : formatted(m.scheme, m.parent, previous, m.word),
    }),
  });
}

function reportPunctuation(ctx: RuleContext, m: Numbered): void {
  const messages = ctx.pack.drafting.messages['numbering'];
  const written = ctx.doc.source.slice(m.span.start, m.span.end).trim();
  const proper = m.proper!;
  const values = { found: written, expected: proper };
  ctx.report({
    ruleId: 'numbering',
    span: m.span,
    message: fill(messages?.['punctuation']?.[ctx.lang] ?? '{found} → {expected}', values),
    fix: {
      title: fill(messages?.['fix']?.[ctx.lang] ?? '{expected}', values),
      edits: [{ span: m.span, range: ctx.doc.lines.rangeOf(m.span), newText: proper }],
    },
  });
}

/** A number as its scheme writes it: 三、 （三） 3. （3） 第三条 2.3 "Action 3" … */
function formatted(scheme: Scheme, parent: number[], value: number, word = ''): string {
  switch (scheme) {
    case 'decimal':
      return [...parent, value].join('.');
    case 'list':
      return `${value}.`;
    case 'labelled':
      return `${word} ${value}`;
    case 'heading':
      return String(value);
    default:
      return writtenNumber(scheme, value);
  }
}

// What stands before a number at a block's start: Markdown heading marks, a quote's '>', emphasis.
const LEAD = /^[ \t]*(?:#{1,6}[ \t]*|>[ \t]*)*(?:\*\*|__)?[ \t]*/;
const CN1 = /^([一二三四五六七八九十百]+)[ \t]*([、.．,，:：])/;
const CN2 = /^([（(])([一二三四五六七八九十]+)([）)])([、.．,，]?)/;
const CN3 = /^(\d{1,3})[ \t]*([.．、,，])(?![\d.．])/;
const CN4 = /^([（(])(\d{1,3})([）)])([、.．,，]?)/;
const CHAPTER = /^第([一二三四五六七八九十百零〇\d]+)章/;
const ARTICLE = /^第([一二三四五六七八九十百零〇\d]+)条/;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=[ \t])/;
const LIST = /^(\d{1,3})[.)](?=[ \t])/;
const LABELLED = /^(Action|Priority|Objective|Theme|Measure|Goal|Step|Project)[ \t]+(\d{1,3})\b/i;

/** The numbers at the start of a chunk's headings, paragraphs and list items. */
function numbersIn(chunk: ChunkView, _pack: Pack): Numbered[] {
  const out: Numbered[] = [];
  for (const block of chunk.blocks) {
    if (block.kind === 'table-row') continue;
    const line = chunk.text.slice(block.span.start, Math.min(block.span.end, block.span.start + 80));
    const lead = LEAD.exec(line)?.[0].length ?? 0;
    const at = block.span.start + lead;
    const heading = block.kind === 'heading';
    const found = readNumber(line.slice(lead), at, heading);
    // A block whose lines each start with the next number is a listing of parts, a table of
    // contents (目录): the parts it lists come again below with the same numbers.
    if (found && isListing(chunk.text.slice(block.span.start, block.span.end), found)) continue;
    if (found) out.push(found);
    else if (heading) out.push({ span: { start: at, end: at }, scheme: 'heading', parent: [], value: 0 });
  }
  return out;
}

/**
 * Where a number stands in the draft's lists: only the first block of a top-level list item
 * carries its marker (nested items' numbers and an item's later paragraphs are the item's own
 * business), and a list's first item starts its count where the drafter starts it. Read from the
 * whole draft's blocks, as a list may run across the chunks its marks were scanned in.
 */
function placeInList(doc: RuleContext['doc'], m: Numbered): 'counted' | 'first' | 'skipped' {
  const { blocks } = doc;
  const i = firstStartingAt(blocks, m.span.start + 1) - 1;
  const block = blocks[i];
  if (!block || block.item < 0) return m.scheme === 'list' ? 'skipped' : 'counted';
  const previous = blocks[i - 1];
  if (previous && previous.item === block.item) return 'skipped';
  return !previous || previous.item < 0 ? 'first' : 'counted';
}

/** Whether a block's second line starts with the number after its first's, in the same scheme. */
function isListing(block: string, first: Numbered): boolean {
  const lines = block.split('\n');
  if (lines.length < 2) return false;
  const second = lines[1]!.replace(LEAD, '');
  const next = readNumber(second, 0, false);
  return next !== undefined && next.scheme === first.scheme && next.value === first.value + 1;
}

/** The number a block's text starts with, at offset `at` of the chunk. */
function readNumber(text: string, at: number, heading: boolean): Numbered | undefined {
  const span = (length: number): Span => ({ start: at, end: at + length });
  let m = CHAPTER.exec(text);
  if (m) return { span: span(m[0].length), scheme: 'chapter', parent: [], value: parseChineseNumeral(m[1]!) };
  m = ARTICLE.exec(text);
  if (m) return { span: span(m[0].length), scheme: 'article', parent: [], value: parseChineseNumeral(m[1]!) };
  m = CN1.exec(text);
  if (m) {
    const value = parseChineseNumeral(m[1]!);
    if (Number.isNaN(value)) return undefined;
    const found: Numbered = { span: span(m[0].length), scheme: 'cn1', parent: [], value };
    if (m[2] !== '、') found.proper = `${m[1]}、`;
    return found;
  }
  m = CN2.exec(text);
  if (m) {
    const found: Numbered = { span: span(m[0].length), scheme: 'cn2', parent: [], value: parseChineseNumeral(m[2]!) };
    if (m[1] !== '（' || m[3] !== '）' || m[4]) found.proper = `（${m[2]}）`;
    return found;
  }
  m = CN4.exec(text);
  if (m) {
    const found: Numbered = { span: span(m[0].length), scheme: 'cn4', parent: [], value: Number(m[2]) };
    if (m[4]) found.proper = `${m[1]}${m[2]}${m[3]}`;
    return found;
  }
  m = DECIMAL.exec(text);
  if (m) {
    const parts = m[1]!.split('.').map(Number);
    return { span: span(m[0].length), scheme: 'decimal', parent: parts.slice(0, -1), value: parts[parts.length - 1]! };
  }
  m = LABELLED.exec(text);
  if (m) {
    const word = m[1]!.toLowerCase();
    return {
      span: span(m[0].length),
      scheme: 'labelled',
      parent: [word.charCodeAt(0), word.length],
      word: m[1]!,
      value: Number(m[2]),
    };
  }
  // A Chinese third level (1. 2.) and an English numbered list look alike: Chinese text after the
  // number makes it the former.
  m = CN3.exec(text);
  if (m && /^[ \t]*[\u3400-\u9fff“"（(]/.test(text.slice(m[0].length))) {
    const found: Numbered = { span: span(m[0].length), scheme: 'cn3', parent: [], value: Number(m[1]) };
    if (m[2] !== '.' && m[2] !== '．') found.proper = `${m[1]}.`;
    return found;
  }
  // "## 4 Key actions": a heading's bare number is the top of the 1, 1.1, 1.1.1 scheme.
  m = heading ? /^(\d{1,2})(?=[ \t]+\S)/.exec(text) : null;
  if (m) return { span: span(m[0].length), scheme: 'decimal', parent: [], value: Number(m[1]) };
  m = LIST.exec(text);
  if (m && !heading) return { span: span(m[0].length), scheme: 'list', parent: [], value: Number(m[1]) };
  if (m && heading) return { span: span(m[0].length), scheme: 'decimal', parent: [], value: Number(m[1]) };
  return undefined;
}
