import type { ChunkAnalysis, PlacedAnalysis } from '../cache';
import { spansOf } from '../coverage/match';
import type { Sentences } from '../coverage/sentences';
import type { DraftDocument } from '../markdown/model';
import type { Lang, Pack } from '../pack/compiled';
import type { DraftingRuleId } from '../pack/compile';
import type { CoverageReport, Fix, Localized, MessageLanguage, Severity, Span } from '../types';

/** What a drafting rule is given: the parsed draft, the pack, and where to report. */
export interface RuleContext {
  doc: DraftDocument;
  /**
   * The draft's chunks in order, with their analyses. A check whose answer for a sentence, block
   * or unit depends on that chunk's text alone keeps it with `chunkMemo`, so an edit re-checks only
   * the chunks it changed.
   */
  chunks: readonly PlacedAnalysis[];
  sentences: Sentences;
  pack: Pack;
  coverage: CoverageReport;
  /** The language of messages and inserted text. */
  lang: MessageLanguage;
  /** The scripts the draft's prose has: no Chinese lexicon runs over a draft without Han. */
  scripts: ReadonlySet<Lang>;
  /** The rule's own options from configuration (e.g. `headings` for the measure rules). */
  options: RuleOptions;
  report(finding: { span: Span; message: Localized; fix?: LocalizedFix }): void;
}

/** A fix whose title is given in both languages; the engine picks the message language. */
export interface LocalizedFix {
  title: Localized;
  edits: Fix['edits'];
}

/** Per-rule options a configuration can set. */
export interface RuleOptions {
  severity?: Severity | 'off';
  /** For coverage elements: the number of facets that make the element covered. */
  k?: number;
  /** For the measure rules: heading patterns (regular expressions) of measures sections. */
  headings?: string[];
}

/** A drafting-quality check: a small piece of code whose words come from the pack. */
export interface DraftingRule {
  id: DraftingRuleId;
  check(ctx: RuleContext): void;
}

/** The index of the chunk that contains `offset` (the last chunk for the end of the draft). */
export function chunkIndexAt(chunks: readonly PlacedAnalysis[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every match of a global pattern in a chunk's normalised text, found block by block: a phrase is
 * one block's words, never the end of one paragraph and the start of the next. So the matches of a
 * chunk do not depend on its neighbours, and a rule may keep them with the chunk. Spans are
 * chunk-relative, in document order. `text` is the chunk's normalised text (`chunkNormalized`).
 */
export function blockMatches(analysis: ChunkAnalysis, text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  for (const { span } of analysis.model.blocks) {
    for (const m of spansOf(re, text.slice(span.start, span.end))) out.push({ start: m.start + span.start, end: m.end + span.start });
  }
  return out;
}
