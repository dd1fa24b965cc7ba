import type { ChunkBlock } from '../markdown/parse';
import type { Span } from '../types';

/**
 * The sentences of a draft's prose, as sorted, non-overlapping spans, so a match finds its sentence
 * with one binary search. Headings are not sentences: a heading names a topic, it commits to
 * nothing, and an empty template section must not count as coverage.
 */
export class Sentences {
  readonly count: number;

  /**
   * `bounds` holds each sentence's start and end, in turn. One typed array, not one per field: an
   * editor keeps the sentences of every chunk of every open draft, and each typed array costs
   * some 200 bytes besides its contents.
   */
  constructor(private readonly bounds: Int32Array) {
    this.count = bounds.length >> 1;
  }

  /** The sentences of a chunk's (or a whole draft's) blocks, in its normalised text. */
  static of(text: string, blocks: readonly Pick<ChunkBlock, 'kind' | 'span'>[]): Sentences {
    const bounds: number[] = [];
    for (const block of blocks) {
      if (block.kind === 'heading') continue;
      let start = block.span.start;
      const end = block.span.end;
      const push = (s: number, e: number): void => {
        while (s < e && isSpace(text.charCodeAt(s))) s++;
        while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
        if (e > s) bounds.push(s, e);
      };
      for (let i = start; i < end; i++) {
        const boundary = sentenceBoundaryAt(text, i);
        if (boundary !== undefined) {
          push(start, i + boundary);
          start = i + boundary;
        }
      }
      push(start, end);
    }
    return new Sentences(Int32Array.from(bounds));
  }

  /** Joins the sentences of consecutive chunks, shifting their offsets. */
  static join(parts: { offset: number; sentences: Sentences }[]): Sentences {
    if (parts.length === 1 && parts[0]!.offset === 0) return parts[0]!.sentences;
    const total = parts.reduce((n, p) => n + p.sentences.bounds.length, 0);
    const bounds = new Int32Array(total);
    let at = 0;
    for (const { offset, sentences } of parts) {
      const from = sentences.bounds;
      for (let i = 0; i < from.length; i++) bounds[at++] = from[i]! + offset;
    }
    return new Sentences(bounds);
  }

  /** Where sentence `index` starts. */
  start(index: number): number {
    return this.bounds[2 * index]!;
  }

  /** Where sentence `index` ends. */
  end(index: number): number {
    return this.bounds[2 * index + 1]!;
  }

  /** The index of the sentence containing `offset`, or -1 (headings, markup, blank space). */
  indexAt(offset: number): number {
    const bounds = this.bounds;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (bounds[2 * mid + 1]! <= offset) lo = mid + 1;
      else if (bounds[2 * mid]! > offset) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  span(index: number): Span {
    return { start: this.bounds[2 * index]!, end: this.bounds[2 * index + 1]! };
  }
}

const ABBREVIATIONS =
  /(?:^|[^A-Za-z])(?:e\.g|i\.e|etc|No|no|Art|art|para|Para|Mr|Mrs|Ms|Dr|St|vs|approx|incl|cf|Co|Ltd|Inc|[A-Z])$/;

/** Whether a sentence ends at `i`: how many characters of the boundary belong to it, or undefined. */
function sentenceBoundaryAt(text: string, i: number): number | undefined {
  const c = text.charCodeAt(i);
  switch (c) {
    case 0x3002: // 。
    case 0x21: // ! (also full-width, after normalisation)
    case 0x3f: // ?
      return 1;
    case 0x2029: // the parser's sentence mark
      return 0;
    case 0x2e: {
      // A full stop ends an English sentence when a space and a capital, a digit, an opening
      // bracket or the end follow, and it does not end an abbreviation or a number like 3.5.
      const next = text.charCodeAt(i + 1);
      if (!(Number.isNaN(next) || next === 0x20 || next === 0x0a || next === 0x09)) return undefined;
      const before = text.slice(Math.max(0, i - 8), i);
      if (ABBREVIATIONS.test(before)) return undefined;
      return 1;
    }
    default:
      return undefined;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/**
 * Comma, semicolon, colon (half-width after normalisation), the parser's cell and sentence marks,
 * and sentence ends. The enumeration comma 、 is not among them: 不设立A、B negates both. A switch,
 * not a set: it is asked for every character around every match.
 */
function isClauseChar(c: number): boolean {
  switch (c) {
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x2028:
    case 0x2029:
    case 0x3002:
    case 0x21:
    case 0x3f:
      return true;
    default:
      return false;
  }
}
const CONTRAST = /\b(?:but|however|whereas|while|instead|although|though|yet)\b|但是|但|而是|同时/gi;

/**
 * The clause around a match: negation reaches only as far as the nearest comma, semicolon, colon,
 * table cell edge or contrasting conjunction ("no new roads, but the rail spur will be upgraded").
 */
export function clauseAround(text: string, sentence: Span, match: Span): Span {
  let start = match.start;
  while (start > sentence.start && !isClauseChar(text.charCodeAt(start - 1))) start--;
  let end = match.end;
  while (end < sentence.end && !isClauseChar(text.charCodeAt(end))) end++;
  const head = text.slice(start, match.start);
  CONTRAST.lastIndex = 0;
  let clauseStart = start;
  for (let m = CONTRAST.exec(head); m; m = CONTRAST.exec(head)) clauseStart = start + m.index + m[0].length;
  CONTRAST.lastIndex = 0;
  const after = CONTRAST.exec(text.slice(match.end, end));
  return { start: clauseStart, end: after ? match.end + after.index : end };
}
