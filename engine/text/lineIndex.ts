import type { Position, Range, Span } from '../types';

/** A carriage return that is not part of a CRLF: a line ending of its own. */
export const LONE_CR = /\r(?!\n)/;

/**
 * The text with each lone carriage return made a line feed: the same length, so every offset
 * stays, and the parser and the checks, which split lines at `\n`, see the lines a reader sees.
 */
export function withLineFeeds(text: string): string {
  return LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Converts between UTF-16 offsets and zero-based line/character positions. Built once per draft
 * in one linear pass; every lookup is a binary search, so no caller scans the text again. A line
 * ends at `\n`, `\r\n` or a lone `\r`, as CommonMark and LSP count lines.
 */
export class LineIndex {
  /** Offsets at which each line starts; `lineStarts[0]` is 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    // Most texts have no lone carriage return: one native scan answers for them.
    if (LONE_CR.test(text)) {
      for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1))
        if (text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      starts.sort((a, b) => a - b);
    }
    this.lineStarts = starts;
  }

  /** The number of lines; a text ending in a newline has an empty last line. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The zero-based line that contains `offset`. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The position of an offset, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  /** The offset of a position, clamped to its line. */
  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The offset where a line's content ends (before its `\r\n`, `\n` or `\r`). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.text.length;
    return next > this.lineStarts[line]! && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** The range of a span. */
  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The span of a whole line's content. */
  lineSpan(line: number): Span {
    return { start: this.lineStarts[line] ?? this.text.length, end: this.lineEnd(line) };
  }
}
