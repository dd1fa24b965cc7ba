import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../types';

/** What a prose block is: its kind decides how drafting rules and anchors treat it. */
export type BlockKind = 'heading' | 'paragraph' | 'table-row' | 'html';

/**
 * A unit of prose: a heading, a paragraph (also inside list items and block quotes), a table row
 * or the text of an HTML block. Code, comments, front matter and link targets are never blocks.
 */
export interface Block {
  kind: BlockKind;
  /** The block's source lines, from the first character of its first line to the end of its last. */
  span: Span;
  /** The innermost section the block belongs to. */
  section: number;
  /** The top-level list item the block is part of, or -1. */
  item: number;
  /** The numbered article (第一条 …) the block is part of, or -1. */
  article: number;
  /** Inside a block quote: a case study or a quotation. */
  quoted: boolean;
  /** A paragraph that opens with an enumeration mark (（一）, (1), 1., 一是 …). */
  enumerated: boolean;
  /** A block that ends with a colon, introducing what follows. */
  leadIn: boolean;
}

/** A heading: a Markdown heading, or a Chinese chapter or numbered line used as one. */
export interface Heading {
  level: number;
  /** The heading's text without its markup. */
  text: string;
  /**
   * The heading's span in the normalised text (`DraftDocument.normalized`), which heading patterns
   * are matched against; kept with the heading so that matching it never needs the whole draft's.
   */
  normalized: string;
  /** The span of the heading's text on its line. */
  span: Span;
  /** True when the heading is a line of text recognised as one (第一章 总则, 一、总体要求). */
  implicit: boolean;
  /** True for an ATX heading written without the space after its `#` (`##Goals`). */
  unspaced?: boolean;
}

/** A section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  index: number;
  /** Absent for the root section, which holds the whole draft. */
  heading?: Heading;
  level: number;
  /** From the heading's line start to the end of the section's last line. */
  span: Span;
  parent: number;
  children: number[];
}

/** A top-level list item (nested items belong to their top-level item), or an article. */
export interface Unit {
  index: number;
  span: Span;
  section: number;
}

/** An HTML comment; inline directives live in them. */
export interface Comment {
  span: Span;
  /** The text between `<!--` and `-->`. */
  body: string;
}

/** The parsed draft: one parse serves coverage, drafting rules, anchors and fixes. */
export interface DraftDocument {
  source: string;
  /**
   * The source with everything that is not prose blanked out, the same length as the source, so an
   * offset in it is an offset in the source. U+2029 marks a hard sentence boundary (the edge of a
   * block or an HTML block element) and U+2028 a clause boundary (a table cell).
   */
  prose: string;
  /** `prose` normalised for matching: simplified Chinese, half-width ASCII; the same length. */
  normalized: string;
  // `prose` and `normalized` are joined from the chunks' when first read: the engine's own checks
  // read the chunks', so that an edit in a long draft does not copy it twice over.
  lines: LineIndex;
  blocks: Block[];
  /** Sections in document order; `sections[0]` is the root. */
  sections: Section[];
  /** Top-level list items. */
  items: Unit[];
  /** Numbered articles of Chinese regulations (第一条 …). */
  articles: Unit[];
  comments: Comment[];
  /** The span of the front matter (`---` … `---` at the very start), if the draft has one. */
  frontMatter?: Span;
}

/** Marks a hard sentence boundary inside `DraftDocument.prose`. */
export const SENTENCE_MARK = '\u2029';
/** Marks a clause boundary inside `DraftDocument.prose`. */
export const CLAUSE_MARK = '\u2028';
