import MarkdownIt from 'markdown-it';
type Token = ReturnType<MarkdownIt['parse']>[number];
import { LineIndex } from '../text/lineIndex';
import { normalizeForMatching } from '../text/normalize';
import type { Span } from '../types';
import {
  CLAUSE_MARK,
  SENTENCE_MARK,
  type Block,
  type BlockKind,
  type Comment,
  type DraftDocument,
  type Heading,
  type Section,
  type Unit,
} from './model';

// One parser for the process. Only the block level is parsed: the engine reads inline markup
// itself, by position, and so skips the cost of building inline tokens it would not use.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);


const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)/;
const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const INLINE_MARKUP = new RegExp(
  [
    /<!--[\s\S]*?-->/.source, // comments inside a paragraph
    /(`+)[\s\S]*?\1/.source, // code spans
    /!\[[^\]\n]*\]\([^)\n]*\)/.source, // images
    /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/.source, // link targets
    /\]\[[^\]\n]*\]/.source, // reference labels
    /<(?:https?|mailto|ftp):[^>\s]*>/.source, // autolinks
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.source, // inline HTML tags
    /\\(?=[!-/:-@[-`{-~])/.source, // backslash escapes
    /[*[\]~]+/.source, // emphasis, strikethrough and link brackets
    /(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])/.source, // underscore emphasis at word edges
  ].join('|'),
  'g',
);
const BLOCKQUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const LIST_MARKER = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t]|$)/;
const ATX_OPEN = /^[ \t]*#{1,6}(?=[ \t]|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$/;
const HTML_RAW = /<(script|style|textarea|pre)\b[\s\S]*?<\/\1\s*>/gi;
const HTML_TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>|<![A-Za-z][^>]*>|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
const HTML_BLOCK_ELEMENTS = new Set(
  'address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

// Lines that Chinese drafts use as headings without Markdown: chapters and sections of
// regulations (第一章 总则) and the numbered parts of plans (一、总体要求 / （一）加强基础设施).
const CHAPTER_LINE = /^\s*第[一二三四五六七八九十百零〇\d]+([章节编])\s*\S/;
const CN_NUMBERED_LINE = /^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*\S/;
const CN_PAREN_LINE = /^\s*[（(][一二三四五六七八九十]{1,3}[）)]\s*\S/;
const ARTICLE_START = /^\s*第[一二三四五六七八九十百零〇\d]+条(?:\s|$|[　，、])/;
const IMPLICIT_HEADING_MAX = 40;

/**
 * Parses a Markdown draft into the engine's document model. Never throws: any text is a draft.
 */
export function parseDraft(source: string): DraftDocument {
  const lines = new LineIndex(source);
  const tokens = markdown.parse(markdownInput(source), {});
  const builder = new ModelBuilder(source, lines);
  builder.walk(tokens);
  return builder.finish();
}

/**
 * The text markdown-it sees: front matter blanked (its lines stay, so line numbers agree) and lone
 * carriage returns turned into spaces, since the engine's line index counts `\n` only.
 */
function markdownInput(source: string): string {
  let input = source;
  const fm = FRONT_MATTER.exec(source);
  if (fm) input = fm[0].replace(/[^\r\n]/g, ' ') + source.slice(fm[0].length);
  if (input.includes('\r')) input = input.replace(/\r(?!\n)/g, ' ');
  return input;
}

interface OpenItem {
  unit: Unit | undefined;
  startLine: number;
}

class ModelBuilder {
  readonly blocks: Block[] = [];
  readonly sections: Section[] = [];
  readonly items: Unit[] = [];
  readonly articles: Unit[] = [];
  readonly comments: Comment[] = [];
  private sectionStack: number[] = [0];
  private itemStack: OpenItem[] = [];
  private blockquoteDepth = 0;
  private currentArticle = -1;

  // The prose is built as pieces joined once: each block's own text with its markup blanked,
  // and spaces for everything between blocks.
  private readonly pieces: string[] = [];
  private cursor = 0;

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
  ) {
    this.sections.push({ index: 0, level: 0, span: { start: 0, end: source.length }, parent: -1, children: [] });
  }

  walk(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      switch (token.type) {
        case 'blockquote_open':
          this.blockquoteDepth++;
          break;
        case 'blockquote_close':
          this.blockquoteDepth--;
          break;
        case 'list_item_open':
          this.openItem(token);
          break;
        case 'list_item_close':
          this.itemStack.pop();
          break;
        case 'heading_open':
          this.heading(token);
          break;
        case 'paragraph_open':
          this.paragraph(token);
          break;
        case 'tr_open':
          this.tableRow(token);
          break;
        case 'html_block':
          this.htmlBlock(token);
          break;
        default:
          break;
      }
    }
  }

  finish(): DraftDocument {
    const end = this.source.length;
    this.pieces.push(blankKeepingLines(this.source.slice(this.cursor)));
    const prose = this.pieces.join('');
    for (const index of this.sectionStack.slice(1)) this.sections[index]!.span.end = end;
    const last = this.articles[this.articles.length - 1];
    if (last && last.span.end < 0) last.span.end = end;
    return {
      source: this.source,
      prose,
      normalized: normalizeForMatching(prose),
      lines: this.lines,
      blocks: this.blocks,
      sections: this.sections,
      items: this.items,
      articles: this.articles,
      comments: this.comments,
    };
  }

  private linesSpan(map: [number, number]): Span {
    return { start: this.lines.lineStarts[map[0]] ?? this.source.length, end: this.lines.lineEnd(Math.max(map[0], map[1] - 1)) };
  }

  private openItem(token: Token): void {
    const map = token.map as [number, number];
    // Only top-level items are measures; nested items are the details of their parent.
    let unit: Unit | undefined;
    if (this.itemStack.length === 0) {
      unit = { index: this.items.length, span: this.linesSpan(map), section: this.currentSection() };
      this.items.push(unit);
    }
    this.itemStack.push({ unit, startLine: map[0] });
  }

  private currentSection(): number {
    return this.sectionStack[this.sectionStack.length - 1]!;
  }

  private currentItem(): number {
    return this.itemStack[0]?.unit?.index ?? -1;
  }

  private addBlock(kind: BlockKind, span: Span): Block {
    const block: Block = { kind, span, section: this.currentSection(), item: this.currentItem(), article: this.currentArticle };
    this.blocks.push(block);
    return block;
  }

  /** Appends a block's prose (the same length as its span) after blanks for the gap before it. */
  private emit(span: Span, prose: string): void {
    if (span.start > this.cursor) this.pieces.push(blankKeepingLines(this.source.slice(this.cursor, span.start)));
    this.pieces.push(prose);
    this.cursor = span.end;
  }

  /**
   * A block's text with its inline markup blanked (and comments collected), container prefixes
   * (`>` and list markers) blanked on each line, and carriage returns made spaces.
   */
  private blockProse(span: Span, map: [number, number], from = span.start, to = span.end): string {
    let text = this.source.slice(span.start, span.end);
    if (this.blockquoteDepth || this.itemStack.length) text = this.blankPrefixes(text, span, map);
    const head = text.slice(0, from - span.start);
    const tail = text.slice(to - span.start);
    const inline = text.slice(from - span.start, to - span.start).replace(INLINE_MARKUP, (m: string, ...rest: unknown[]) => {
      const offset = rest[rest.length - 2] as number;
      if (m.startsWith('<!--')) this.addComment(from + offset, m);
      return ' '.repeat(m.length);
    });
    const out = head + inline + tail;
    return out.includes('\r') ? out.replace(/\r/g, ' ') : out;
  }

  private addComment(start: number, text: string): void {
    const body = text.replace(/^<!--/, '').replace(/-->$/, '');
    this.comments.push({ span: { start, end: start + text.length }, body });
  }

  /** Blanks container prefixes at the start of each line of a block's text. */
  private blankPrefixes(text: string, span: Span, map: [number, number]): string {
    const innermost = this.itemStack[this.itemStack.length - 1];
    let out = '';
    let at = 0;
    for (let line = map[0]; line < map[1]; line++) {
      const start = this.lines.lineStarts[line]! - span.start;
      const end = this.lines.lineEnd(line) - span.start;
      const lineText = text.slice(start, end);
      const prefix = innermost && innermost.startLine === line ? LIST_MARKER.exec(lineText) : this.blockquoteDepth ? BLOCKQUOTE_PREFIX.exec(lineText) : null;
      if (!prefix) continue;
      out += text.slice(at, start) + ' '.repeat(prefix[0].length);
      at = start + prefix[0].length;
    }
    return at === 0 ? text : out + text.slice(at);
  }

  private heading(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    const firstLineEnd = this.lines.lineEnd(map[0]);
    const first = this.source.slice(span.start, firstLineEnd);
    const open = ATX_OPEN.exec(first);
    // An ATX heading's text is its first line; a setext heading's is every line but its underline.
    const textEnd = open ? firstLineEnd : this.lines.lineEnd(Math.max(map[0], map[1] - 2));
    let prose = this.blockProse(span, map, span.start, textEnd);
    const blankUpTo = (text: string, from: number, to: number): string => text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
    if (open) {
      prose = blankUpTo(prose, 0, open[0].length);
      const close = ATX_CLOSE.exec(first);
      if (close) prose = blankUpTo(prose, close.index, first.length);
    }
    if (textEnd < span.end) prose = prose.slice(0, textEnd - span.start) + prose.slice(textEnd - span.start).replace(/[^\n]/g, ' ');
    this.emit(span, prose);
    const level = Number(token.tag.slice(1)) || 1;
    this.startSection(headingOf(prose, span.start, level, false));
    this.addBlock('heading', span);
  }

  private startSection(heading: Heading): void {
    while (this.sectionStack.length > 1 && this.sections[this.currentSection()]!.level >= heading.level) {
      this.sections[this.sectionStack.pop()!]!.span.end = this.lineStartOf(heading.span.start);
    }
    const parent = this.currentSection();
    const index = this.sections.length;
    this.sections.push({ index, heading, level: heading.level, span: { start: this.lineStartOf(heading.span.start), end: -1 }, parent, children: [] });
    this.sections[parent]!.children.push(index);
    this.sectionStack.push(index);
    this.closeArticle(this.lineStartOf(heading.span.start));
  }

  private lineStartOf(offset: number): number {
    return this.lines.lineStarts[this.lines.lineAt(offset)]!;
  }

  private closeArticle(end: number): void {
    if (this.currentArticle >= 0) {
      const article = this.articles[this.currentArticle]!;
      if (article.span.end < 0) article.span.end = end;
    }
    this.currentArticle = -1;
  }

  private paragraph(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    const prose = this.blockProse(span, map);
    this.emit(span, prose);
    if (this.itemStack.length === 0 && this.blockquoteDepth === 0 && map[1] - map[0] === 1) {
      const implicit = this.implicitHeadingLevel(span);
      if (implicit) {
        this.startSection(headingOf(prose, span.start, implicit, true));
        this.addBlock('heading', span);
        return;
      }
      this.maybeStartArticle(span);
    } else if (this.itemStack.length === 0) {
      this.maybeStartArticle(span);
    }
    this.addBlock('paragraph', span);
  }

  private implicitHeadingLevel(span: Span): number {
    const text = this.source.slice(span.start, span.end);
    if (CHAPTER_LINE.test(text)) {
      const kind = CHAPTER_LINE.exec(text)![1];
      return kind === '节' ? 3 : 2;
    }
    const trimmed = text.trim();
    if (trimmed.length > IMPLICIT_HEADING_MAX || /[。；;]./.test(trimmed)) return 0;
    if (CN_NUMBERED_LINE.test(text)) return 2;
    if (CN_PAREN_LINE.test(text)) return 3;
    return 0;
  }

  private maybeStartArticle(span: Span): void {
    if (!ARTICLE_START.test(this.source.slice(span.start, Math.min(span.end, span.start + 16)))) return;
    this.closeArticle(span.start);
    this.currentArticle = this.articles.length;
    this.articles.push({ index: this.articles.length, span: { start: span.start, end: -1 }, section: this.currentSection() });
  }

  private tableRow(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    // Cells are clauses of one row: a measure table keeps its owner and deadline in one unit.
    const prose = this.blockProse(span, map).replace(/(?<!\\)\|/g, CLAUSE_MARK);
    this.emit(span, prose);
    this.addBlock('table-row', span);
  }

  private htmlBlock(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    const text = this.source.slice(span.start, span.end);
    let prose = text.replace(COMMENT, (m: string, _body: string, offset: number) => {
      this.addComment(span.start + offset, m);
      return ' '.repeat(m.length);
    });
    // A block that is nothing but comments (a directive) holds no prose.
    if (!/\S/.test(prose)) return;
    prose = prose
      .replace(HTML_RAW, (m: string) => ' '.repeat(m.length))
      .replace(HTML_TAG, (m: string, name: string | undefined) =>
        // A block element's edge ends a sentence; inline tags (b, a, span) are just blanked.
        name !== undefined && HTML_BLOCK_ELEMENTS.has(name.toLowerCase()) ? SENTENCE_MARK + ' '.repeat(m.length - 1) : ' '.repeat(m.length),
      )
      // Each line of an HTML block is its own sentence: the markup's lines are its structure.
      .replace(/\r?\n/g, (m: string) => (m.length === 2 ? ' ' + SENTENCE_MARK : SENTENCE_MARK));
    if (this.blockquoteDepth || this.itemStack.length) prose = this.blankPrefixes(prose, span, map);
    this.emit(span, prose);
    this.addBlock('html', span);
  }
}

/** Text of the same length with every character but line feeds made a space. */
function blankKeepingLines(text: string): string {
  return text.includes('\n') ? text.replace(/[^\n]/g, ' ') : ' '.repeat(text.length);
}

/** A heading from its block's prose: the text trimmed of blanks, and the span of that text. */
function headingOf(prose: string, offset: number, level: number, implicit: boolean): Heading {
  const lead = prose.length - prose.trimStart().length;
  const trimmed = prose.trim();
  const start = offset + lead;
  const end = start + trimmed.length;
  return { level, text: trimmed.replace(/[\s\u2028\u2029]+/g, ' '), span: { start, end }, implicit };
}
