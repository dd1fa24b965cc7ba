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

const SPACE = 0x20;
const NEWLINE = 0x0a;
const SENTENCE = SENTENCE_MARK.charCodeAt(0);
const CLAUSE = CLAUSE_MARK.charCodeAt(0);

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
  const buffer = new Uint16Array(source.length).fill(SPACE);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) buffer[i] = NEWLINE;

  const input = markdownInput(source);
  const tokens = markdown.parse(input, {});
  const builder = new ModelBuilder(source, lines, buffer);
  builder.walk(tokens);
  const prose = new TextDecoder('utf-16le').decode(buffer);
  return builder.finish(prose);
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

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly buffer: Uint16Array,
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

  finish(prose: string): DraftDocument {
    const end = this.source.length;
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

  private copy(span: Span): void {
    const { source, buffer } = this;
    for (let i = span.start; i < span.end; i++) {
      const c = source.charCodeAt(i);
      buffer[i] = c === 13 ? SPACE : c;
    }
  }

  private blank(start: number, end: number, fill = SPACE): void {
    for (let i = start; i < end; i++) if (this.buffer[i] !== NEWLINE) this.buffer[i] = fill;
  }

  private blankInlineMarkup(span: Span): void {
    const text = this.source.slice(span.start, span.end);
    INLINE_MARKUP.lastIndex = 0;
    for (let m = INLINE_MARKUP.exec(text); m; m = INLINE_MARKUP.exec(text)) {
      const start = span.start + m.index;
      if (m[0].startsWith('<!--')) this.addComment(start, m[0]);
      this.blank(start, start + m[0].length);
    }
  }

  private addComment(start: number, text: string): void {
    const body = text.replace(/^<!--/, '').replace(/-->$/, '');
    this.comments.push({ span: { start, end: start + text.length }, body });
  }

  /** Blanks container prefixes (`>` and list markers) at the start of each line of a block. */
  private blankPrefixes(map: [number, number]): void {
    const innermost = this.itemStack[this.itemStack.length - 1];
    for (let line = map[0]; line < map[1]; line++) {
      const start = this.lines.lineStarts[line]!;
      const end = this.lines.lineEnd(line);
      const text = this.source.slice(start, end);
      const prefix = innermost && innermost.startLine === line ? LIST_MARKER.exec(text) : this.blockquoteDepth ? BLOCKQUOTE_PREFIX.exec(text) : null;
      if (prefix) this.blank(start, start + prefix[0].length);
    }
  }

  private heading(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    this.copy(span);
    this.blankPrefixes(map);
    const firstLineEnd = this.lines.lineEnd(map[0]);
    const first = this.source.slice(span.start, firstLineEnd);
    const open = ATX_OPEN.exec(first);
    if (open) {
      this.blank(span.start, span.start + open[0].length);
      const close = ATX_CLOSE.exec(first);
      if (close) this.blank(span.start + close.index, firstLineEnd);
    } else {
      // A setext heading: its underline is not text.
      this.blank(this.lines.lineStarts[map[1] - 1]!, span.end);
    }
    const textEnd = open ? firstLineEnd : this.lines.lineEnd(Math.max(map[0], map[1] - 2));
    this.blankInlineMarkup({ start: span.start, end: textEnd });
    const level = Number(token.tag.slice(1)) || 1;
    this.startSection(this.headingFromBuffer(span.start, textEnd, level, false));
    this.addBlock('heading', span);
  }

  private headingFromBuffer(start: number, end: number, level: number, implicit: boolean): Heading {
    let s = start;
    let e = end;
    while (s < e && isBlank(this.buffer[s]!)) s++;
    while (e > s && isBlank(this.buffer[e - 1]!)) e--;
    const text = this.source
      .slice(s, e)
      .split('')
      .map((ch, i) => (isBlank(this.buffer[s + i]!) ? ' ' : ch))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    return { level, text, span: { start: s, end: e }, implicit };
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
    this.copy(span);
    this.blankPrefixes(map);
    this.blankInlineMarkup(span);
    if (this.itemStack.length === 0 && this.blockquoteDepth === 0 && map[1] - map[0] === 1) {
      const implicit = this.implicitHeadingLevel(span);
      if (implicit) {
        this.startSection(this.headingFromBuffer(span.start, span.end, implicit, true));
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
    this.copy(span);
    this.blankPrefixes(map);
    this.blankInlineMarkup(span);
    // Cells are clauses of one row: a measure table keeps its owner and deadline in one unit.
    for (let i = span.start; i < span.end; i++) {
      if (this.source.charCodeAt(i) === 0x7c && this.source.charCodeAt(i - 1) !== 0x5c) this.buffer[i] = CLAUSE;
    }
    this.addBlock('table-row', span);
  }

  private htmlBlock(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    const text = this.source.slice(span.start, span.end);
    COMMENT.lastIndex = 0;
    const hidden: Span[] = [];
    for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
      this.addComment(span.start + m.index, m[0]);
      hidden.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
    }
    HTML_RAW.lastIndex = 0;
    for (let m = HTML_RAW.exec(text); m; m = HTML_RAW.exec(text)) {
      hidden.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
    }
    // A block that is nothing but comments (a directive) holds no prose.
    if (!/\S/.test(text.replace(COMMENT, ''))) return;
    this.copy(span);
    this.blankPrefixes(map);
    for (const h of hidden) this.blank(h.start, h.end);
    HTML_TAG.lastIndex = 0;
    for (let m = HTML_TAG.exec(text); m; m = HTML_TAG.exec(text)) {
      const start = span.start + m.index;
      const isBlockElement = m[1] !== undefined && HTML_BLOCK_ELEMENTS.has(m[1].toLowerCase());
      this.blank(start, start + m[0].length);
      if (isBlockElement) this.buffer[start] = SENTENCE;
    }
    // Each line of an HTML block is its own sentence: the markup's lines are its structure.
    for (let i = span.start; i < span.end; i++) if (this.buffer[i] === NEWLINE) this.buffer[i] = SENTENCE;
    this.addBlock('html', span);
  }
}

function isBlank(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === 9 || code === SENTENCE || code === CLAUSE;
}
