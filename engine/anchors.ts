import type { DraftDocument, Section } from './markdown/model';
import { anyMatch, type Lang } from './pack/compiled';
import type { Span, TextEdit } from './types';

/** Whether a section's heading (its normalised text) matches any of the per-language patterns. */
export function headingMatches(section: Section, patterns: Partial<Record<Lang, RegExp>>): boolean {
  const heading = section.heading;
  return heading ? headingTextMatches(patterns, heading.normalized) : false;
}

// What each set of heading patterns said of each heading text. Every lint asks it of every
// section, for each element's, group's and part's headings, and an editor lints after each edit a
// draft whose headings are nearly all as they were. Keyed by the patterns object (a pack's, so
// the answers go with the pack) and then by the text; a bound keeps a long-running server's
// maps small.
const headingVerdicts = new WeakMap<Partial<Record<Lang, RegExp>>, Map<string, boolean>>();

/**
 * Whether a heading's normalised text matches any of the per-language patterns. Remembered per
 * patterns and text: a heading that an edit did not change is not matched again.
 */
function headingTextMatches(patterns: Partial<Record<Lang, RegExp>>, text: string): boolean {
  let verdicts = headingVerdicts.get(patterns);
  if (!verdicts) headingVerdicts.set(patterns, (verdicts = new Map()));
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    if (verdicts.size >= 4096) verdicts.clear();
    verdict = anyMatch(patterns, text);
    verdicts.set(text, verdict);
  }
  return verdict;
}

/** The first section whose heading matches, if any. */
export function findSection(doc: DraftDocument, patterns: Partial<Record<Lang, RegExp>>): Section | undefined {
  if (!patterns.en && !patterns.zh) return undefined;
  for (const section of doc.sections) if (headingMatches(section, patterns)) return section;
  return undefined;
}

/**
 * The level of a section added to the draft: the shallowest heading level under the title, at
 * most 2. (A loop, not `Math.min(...levels)`: spreading a draft's hundred thousand headings as
 * arguments overflows the stack.)
 */
export function newSectionLevel(doc: DraftDocument): number {
  let level = 2;
  for (const s of doc.sections) if (s.heading && s.level > 1 && s.level < level) level = s.level;
  return level;
}

/**
 * Where a drafter looks for the title: the first level-1 heading, else the first heading, else the
 * first line with text. Findings about the whole draft are reported there.
 */
export function titleSpan(doc: DraftDocument): Span {
  const headings = doc.sections.filter((s) => s.heading && !s.heading.implicit);
  const title = headings.find((s) => s.level === 1) ?? headings[0];
  if (title?.heading) return title.heading.span;
  for (const block of doc.blocks) {
    const line = doc.lines.lineAt(block.span.start);
    return trimmedLine(doc, line);
  }
  return trimmedLine(doc, 0);
}

function trimmedLine(doc: DraftDocument, line: number): Span {
  const span = doc.lines.lineSpan(line);
  const text = doc.source.slice(span.start, span.end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  return { start: span.start + lead, end: Math.max(span.start + lead, span.end - trail) };
}

/** The line ending the draft uses, so inserted text matches it. */
export function lineEnding(doc: DraftDocument): string {
  const lf = doc.source.indexOf('\n');
  return lf > 0 && doc.source[lf - 1] === '\r' ? '\r\n' : '\n';
}

// Adapted templates by template, level and line ending: every lint adapts the template of each
// element a draft lacks, and a run sees the same few dozen templates at a handful of levels.
const adapted = new Map<string, string>();

/**
 * Shifts a Markdown template's headings so that its first heading has `level`, and uses the
 * draft's line ending.
 */
export function adaptTemplate(template: string, level: number, eol: string): string {
  const key = `${level}${eol}${template}`;
  let out = adapted.get(key);
  if (out === undefined) {
    // Packs are few and their templates short; a bound keeps a long-running server's map small.
    if (adapted.size >= 1000) adapted.clear();
    adapted.set(key, (out = shiftTemplate(template, level, eol)));
  }
  return out;
}

function shiftTemplate(template: string, level: number, eol: string): string {
  const levels = [...template.matchAll(/^(#{1,6})[ \t]/gm)].map((m) => m[1]!.length);
  const shift = levels.length ? level - Math.min(...levels) : 0;
  const shifted = template
    .trim()
    .replace(/^(#{1,6})(?=[ \t])/gm, (hashes) => '#'.repeat(Math.min(6, Math.max(1, hashes.length + shift))));
  return shifted.replace(/\r?\n/g, eol);
}

/**
 * An edit that inserts a Markdown block at `offset` (a line start or the end of the draft) with a
 * blank line on each side. It only inserts: the user's text is never touched.
 */
export function insertBlock(doc: DraftDocument, offset: number, block: string): TextEdit {
  const eol = lineEnding(doc);
  const source = doc.source;
  let before = '';
  if (offset > 0 && source[offset - 1] !== '\n') before = eol + eol;
  else if (offset > 0 && !followsBlankLine(source, offset)) before = eol;
  const after = offset < source.length ? eol + eol : eol;
  const span = { start: offset, end: offset };
  return { span, range: doc.lines.rangeOf(span), newText: before + block + after };
}

function followsBlankLine(source: string, offset: number): boolean {
  let i = offset - 2;
  if (source[i] === '\r') i--;
  return i < 0 || source[i] === '\n';
}

/** An edit that inserts text at `offset` as it is. */
export function insertAt(doc: DraftDocument, offset: number, text: string): TextEdit {
  const span = { start: offset, end: offset };
  return { span, range: doc.lines.rangeOf(span), newText: text };
}

/**
 * The last prose block of a section's own text, before its first subsection; when it has none
 * (its heading is followed at once by a subsection), the last one in its subsections. Lines added
 * "to the section" go after it: under "## Key actions", not at the end of its "### Details".
 */
export function lastBlockIn(doc: DraftDocument, section: Section): DraftDocument['blocks'][number] | undefined {
  let own: DraftDocument['blocks'][number] | undefined;
  let any: DraftDocument['blocks'][number] | undefined;
  // Blocks are in document order and never overlap: only those from the section's start are read.
  const { blocks } = doc;
  for (
    let i = firstStartingAt(blocks, section.span.start);
    i < blocks.length && blocks[i]!.span.start <= section.span.end;
    i++
  ) {
    const block = blocks[i]!;
    if (block.span.end > section.span.end || block.kind === 'heading') continue;
    any = block;
    if (block.section === section.index) own = block;
  }
  return own ?? any;
}

/**
 * The index of the first entry that starts at or after `offset` (the list's length if none), in a
 * list sorted by start such as a draft's blocks, items or articles: a binary search, since a long
 * draft has thousands of them and each section or element would otherwise read them all.
 */
export function firstStartingAt(sorted: readonly { span: Span }[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
