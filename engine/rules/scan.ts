import { firstStartingAt } from '../anchors';
import { chunkMemo, chunkNormalized, chunkProse, type PlacedAnalysis } from '../cache';
import type { Pack } from '../pack/compiled';
import type { Span } from '../types';
import type { ChunkView, DraftingRule, Mark, Marks } from './rule';

/**
 * A rule's marks over a draft's chunks, scanned when first asked for. A chunk's marks are kept
 * with its analysis (in its memo, under the rule), so after an edit only the chunks the edit
 * changed are scanned again; a rule that asks only about some sections (the measures) scans only
 * the chunks they lie in. Spans are handed out in the draft's offsets.
 */
export class ScannedMarks<M extends Mark> implements Marks<M> {
  private readonly placed: (M[] | undefined)[];

  constructor(
    private readonly rule: DraftingRule<M>,
    private readonly chunks: readonly PlacedAnalysis[],
    private readonly source: string,
    private readonly pack: Pack,
  ) {
    this.placed = new Array<M[] | undefined>(chunks.length);
  }

  all(): M[] {
    const out: M[] = [];
    for (let c = 0; c < this.chunks.length; c++) for (const mark of this.of(c)) out.push(mark);
    return out;
  }

  within(span: Span): M[] {
    const out: M[] = [];
    for (let c = this.chunkAt(span.start); c < this.chunks.length && this.chunks[c]!.offset < span.end; c++) {
      // A chunk's marks are in document order: a long table is one chunk with a mark per row, and
      // asking about each row must not read every row's mark.
      const marks = this.of(c);
      for (let i = firstStartingAt(marks, span.start); i < marks.length && marks[i]!.span.start < span.end; i++)
        out.push(marks[i]!);
    }
    return out;
  }

  /** The marks of chunk `c`, in the draft's offsets. */
  private of(c: number): M[] {
    const kept = this.placed[c];
    if (kept) return kept;
    const { offset, analysis } = this.chunks[c]!;
    const scan = this.rule.scan!;
    // Kept with the chunk: its marks, and the last placement of them, which the chunks before an
    // edit keep from one lint to the next.
    const memo = chunkMemo(analysis, `rule:${this.rule.ids[0]!.id}`, (a) => {
      const view: ChunkView = {
        text: this.source.slice(offset, offset + a.length),
        prose: chunkProse(a, this.source, offset),
        normalized: chunkNormalized(a, this.source, offset),
        blocks: a.model.blocks,
        sentences: a.sentences,
        languages: a.languages,
      };
      const marks = scan(view, this.pack);
      return { marks, offset: 0, placed: marks };
    });
    if (memo.offset !== offset) {
      memo.placed = memo.marks.map((mark) => shifted(mark, offset));
      memo.offset = offset;
    }
    this.placed[c] = memo.placed;
    return memo.placed;
  }

  /** The index of the chunk that holds `offset`. */
  private chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A mark moved by `offset`: its span, and any other span it holds (as `anchor`). */
function shifted<M extends Mark>(mark: M, offset: number): M {
  const copy = { ...mark } as Record<string, unknown>;
  for (const key in copy) {
    const value = copy[key];
    if (isSpan(value)) copy[key] = { start: value.start + offset, end: value.end + offset };
  }
  return copy as M;
}

function isSpan(value: unknown): value is Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { start?: unknown }).start === 'number' &&
    typeof (value as { end?: unknown }).end === 'number'
  );
}
