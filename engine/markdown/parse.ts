import MarkdownIt from 'markdown-it';
import { LineIndex } from '../text/lineIndex';
import { normalizeForMatching } from '../text/normalize';
import type { Span } from '../types';
import { CLAUSE_MARK, SENTENCE_MARK, type BlockKind, type Comment, type Heading } from './model';

type Token = ReturnType<MarkdownIt['parse']>[number];

// One parser for the process. Only the block level is parsed: the engine reads inline markup
// itself, by position, and so skips the cost of building inline tokens it would not use.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
// 'normalize' rewrites every line ending and NUL of every chunk; `markdownInput` does it only
// for the rare chunk that has a carriage return or a NUL.
markdown.core.ruler.disable(['normalize', 'inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

// The table rule makes five tokens for every cell (its opening, its text, its closing …), and the
// engine reads only the rows: on a table of a hundred thousand rows, kept until the rule is done
// with the whole table, the cells' tokens were most of the memory a lint took. So while the rule
// runs, each cell token it asks for is one scratch token, never kept. The rule itself is
// markdown-it's own (taken through its public rule list), so tables parse as they always did.
const CELL_TOKENS = new Set(['th_open', 'th_close', 'td_open', 'td_close', 'inline']);
type BlockRule = Parameters<typeof markdown.block.ruler.at>[1];
const tableOnly = new MarkdownIt();
tableOnly.block.ruler.enableOnly(['table']);
const gfmTable = tableOnly.block.ruler.getRules('')[0]!;
const rowsOnlyTable: BlockRule = (state, startLine, endLine, silent) => {
  const push = state.push;
  const scratch = new state.Token('inline', '', 0);
  // Cells open and close in pairs, so skipping both leaves the nesting level as it was.
  state.push = (type, tag, nesting) => (CELL_TOKENS.has(type) ? scratch : push.call(state, type, tag, nesting));
  try {
    return gfmTable(state, startLine, endLine, silent);
  } finally {
    state.push = push;
  }
};
markdown.block.ruler.at('table', rowsOnlyTable, { alt: ['paragraph', 'reference'] });

/** Front matter at the very start of a draft: YAML (`---`) or TOML (`+++`). */
export const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)/;
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
const HTML_TAG =
  /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>|<![A-Za-z][^>]*>|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
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
// A line of one to six `#` and then text with no space between: a heading without its space.
const UNSPACED_ATX = /^ {0,3}(#{1,6})(?=[^\s#])/;
// The marks that open an enumerated item written as a paragraph: （一） (1) 1. 1、 一、 一是 a) i. ①
const ENUMERATION_MARK =
  /^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|[一二三四五六七八九十]是|\d{1,2}[.、)](?!\d)|[a-z][.)]\s|[ivx]{1,4}[.)]\s|[①-⑳])/;

/** A block of a chunk, before the chunks are assembled into one document. */
export interface ChunkBlock {
  kind: BlockKind;
  /** The block's span, relative to the chunk. */
  span: Span;
  /** The chunk's top-level list item the block is part of, or -1. */
  item: number;
  /** For heading blocks: the heading, with its span relative to the chunk. */
  heading?: Heading;
  /** True for a paragraph that starts a numbered article (第一条 …). */
  articleStart: boolean;
  /** True for a block inside a block quote: a case study or a quotation, not the draft's own voice. */
  quoted: boolean;
  /** True for a paragraph that opens with an enumeration mark: （一）, (1), 1., 一是 … */
  enumerated: boolean;
  /** True for a block that ends with a colon: it introduces what follows (a list, enumerated items). */
  leadIn: boolean;
}

/**
 * A parsed piece of a draft. Drafts are parsed in chunks that markdown-it would parse the same way
 * alone (see `splitChunks`), so an edit re-parses only the chunk it touched. Spans are relative.
 */
export interface ChunkModel {
  text: string;
  /** The chunk's text with its markup blanked, the same length. */
  prose: string;
  /** `prose` normalised for matching, the same length. */
  normalized: string;
  blocks: ChunkBlock[];
  /** The spans of top-level list items. */
  items: Span[];
  comments: Comment[];
}

/**
 * Parses one chunk of a draft (or a whole draft) at block level. Never throws: any text parses.
 * `atStart` says whether the chunk begins the draft, where front matter may stand.
 */
export function parseChunk(text: string, atStart = true): ChunkModel {
  const lines = new LineIndex(text);
  const tokens = markdown.parse(markdownInput(text, atStart), {});
  const builder = new ChunkBuilder(text, lines);
  builder.walk(tokens);
  return builder.finish();
}

/**
 * The text markdown-it sees: front matter blanked (its lines stay, so line numbers agree), CRLF and
 * lone carriage returns made LF (one character each, as the engine's line index counts them), and
 * NUL made U+FFFD.
 */
function markdownInput(source: string, atStart: boolean): string {
  let input = source;
  const fm = atStart ? FRONT_MATTER.exec(source) : null;
  if (fm) input = fm[0].replace(/[^\r\n]/g, ' ') + source.slice(fm[0].length);
  if (input.includes('\r')) input = input.replace(/\r(?!\n)/g, '\n').replace(/\r\n/g, '\n');
  // As markdown-it's own normalisation does (it is disabled above).
  if (input.includes('\0')) input = input.replace(/\0/g, '\uFFFD');
  return input;
}

interface OpenItem {
  /** The index of the top-level item, or -1 for a nested one. */
  index: number;
  startLine: number;
}

class ChunkBuilder {
  readonly blocks: ChunkBlock[] = [];
  readonly items: Span[] = [];
  readonly comments: Comment[] = [];
  private itemStack: OpenItem[] = [];
  private blockquoteDepth = 0;

  // The prose is built as pieces joined once: each block's own text with its markup blanked,
  // and spaces for everything between blocks.
  private readonly pieces: string[] = [];
  private cursor = 0;

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
  ) {}

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

  finish(): ChunkModel {
    this.pieces.push(blankKeepingLines(this.source.slice(this.cursor)));
    const prose = this.pieces.join('');
    const normalized = normalizeForMatching(prose);
    for (const block of this.blocks) {
      const { heading, span } = block;
      if (heading) {
        heading.normalized = normalized.slice(heading.span.start, heading.span.end);
        continue;
      }
      const text = normalized.slice(span.start, span.end).trim();
      block.enumerated = ENUMERATION_MARK.test(text);
      block.leadIn = /[:：]$/.test(text);
    }
    return { text: this.source, prose, normalized, blocks: this.blocks, items: this.items, comments: this.comments };
  }

  private linesSpan(map: [number, number]): Span {
    return {
      start: this.lines.lineStarts[map[0]] ?? this.source.length,
      end: this.lines.lineEnd(Math.max(map[0], map[1] - 1)),
    };
  }

  private openItem(token: Token): void {
    const map = token.map as [number, number];
    // Only top-level items are measures; nested items are the details of their parent.
    let index = -1;
    if (this.itemStack.length === 0) {
      index = this.items.length;
      this.items.push(this.linesSpan(map));
    }
    this.itemStack.push({ index, startLine: map[0] });
  }

  private addBlock(kind: BlockKind, span: Span, extra: { heading?: Heading; articleStart?: boolean } = {}): void {
    const block: ChunkBlock = {
      kind,
      span,
      item: this.itemStack[0]?.index ?? -1,
      articleStart: extra.articleStart ?? false,
      quoted: this.blockquoteDepth > 0,
      enumerated: false,
      leadIn: false,
    };
    if (extra.heading) block.heading = extra.heading;
    this.blocks.push(block);
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
    const inline = text
      .slice(from - span.start, to - span.start)
      .replace(INLINE_MARKUP, (m: string, ...rest: unknown[]) => {
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
      const prefix =
        innermost && innermost.startLine === line
          ? LIST_MARKER.exec(lineText)
          : this.blockquoteDepth
            ? BLOCKQUOTE_PREFIX.exec(lineText)
            : null;
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
    if (open) {
      prose = blankRange(prose, 0, open[0].length);
      const close = ATX_CLOSE.exec(first);
      if (close) prose = blankRange(prose, close.index, first.length);
    }
    if (textEnd < span.end)
      prose = prose.slice(0, textEnd - span.start) + blankKeepingLines(prose.slice(textEnd - span.start));
    this.emit(span, prose);
    const level = Number(token.tag.slice(1)) || 1;
    this.addBlock('heading', span, { heading: headingOf(prose, span.start, level, false) });
  }

  private paragraph(token: Token): void {
    const map = token.map as [number, number];
    const span = this.linesSpan(map);
    let prose = this.blockProse(span, map);
    const topLevel = this.itemStack.length === 0 && this.blockquoteDepth === 0;
    // `##Goals` is a heading its drafter meant, written without the space CommonMark asks for.
    const unspaced = topLevel && map[1] - map[0] === 1 ? UNSPACED_ATX.exec(prose) : null;
    if (unspaced) {
      prose = ' '.repeat(unspaced[0].length) + prose.slice(unspaced[0].length);
      this.emit(span, prose);
      const heading = headingOf(prose, span.start, unspaced[1]!.length, false);
      heading.unspaced = true;
      this.addBlock('heading', span, { heading });
      return;
    }
    this.emit(span, prose);
    const implicit = topLevel && map[1] - map[0] === 1 ? this.implicitHeadingLevel(span) : 0;
    if (implicit) {
      this.addBlock('heading', span, { heading: headingOf(prose, span.start, implicit, true) });
    } else {
      const articleStart =
        this.itemStack.length === 0 &&
        ARTICLE_START.test(this.source.slice(span.start, Math.min(span.end, span.start + 16)));
      this.addBlock('paragraph', span, { articleStart });
    }
  }

  private implicitHeadingLevel(span: Span): number {
    const text = this.source.slice(span.start, span.end);
    if (CHAPTER_LINE.test(text)) {
      const kind = CHAPTER_LINE.exec(text)![1];
      return kind === '节' ? 3 : 2;
    }
    const trimmed = text.trim();
    // A heading is a title, not a sentence: a line with 。 or ； in it (an enumerated clause of an
    // article, （五）以次充好……；) is prose.
    if (trimmed.length > IMPLICIT_HEADING_MAX || /[。；;]/.test(trimmed)) return 0;
    if (CN_NUMBERED_LINE.test(text)) return 2;
    if (CN_PAREN_LINE.test(text)) return 3;
    return 0;
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
        name !== undefined && HTML_BLOCK_ELEMENTS.has(name.toLowerCase())
          ? SENTENCE_MARK + ' '.repeat(m.length - 1)
          : ' '.repeat(m.length),
      )
      // Each line of an HTML block is its own sentence: the markup's lines are its structure.
      .replace(/\r?\n/g, (m: string) => (m.length === 2 ? ' ' + SENTENCE_MARK : SENTENCE_MARK));
    if (this.blockquoteDepth || this.itemStack.length) prose = this.blankPrefixes(prose, span, map);
    this.emit(span, prose);
    this.addBlock('html', span);
  }
}

/** The text with the characters from `from` to `to` made spaces. */
function blankRange(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/** Text of the same length with every character but line feeds made a space. */
function blankKeepingLines(text: string): string {
  // Line by line: a replacement per character costs a callback into the regular expression engine
  // for every character of every gap between blocks.
  let out = '';
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    out += `${' '.repeat(nl - from)}\n`;
    from = nl + 1;
  }
  return out + ' '.repeat(text.length - from);
}

/** A heading from its block's prose: the text trimmed of blanks, and the span of that text. */
function headingOf(prose: string, offset: number, level: number, implicit: boolean): Heading {
  const lead = prose.length - prose.trimStart().length;
  const trimmed = prose.trim();
  const start = offset + lead;
  const end = start + trimmed.length;
  // The normalised text is filled in by `finish`, once the chunk's is made.
  return { level, text: trimmed.replace(/[\s\u2028\u2029]+/g, ' '), normalized: '', span: { start, end }, implicit };
}
