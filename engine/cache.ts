import { facetHits } from './coverage/match';
import { Sentences } from './coverage/sentences';
import { countScripts } from './language';
import { parseChunk, type ChunkModel } from './markdown/parse';
import type { Pack } from './pack/compiled';

/** Everything the engine derives from one chunk alone; reusable while the chunk's text is unchanged. */
export interface ChunkAnalysis {
  model: ChunkModel;
  sentences: Sentences;
  scripts: { han: number; latinWords: number };
  /** Facet hits by facet in pack order, as chunk-relative sentence indices. */
  hits: number[][];
}

/** Analyses one chunk: parse, sentences, script counts and facet hits. */
export function analyzeChunk(text: string, atStart: boolean, pack: Pack): ChunkAnalysis {
  const model = parseChunk(text, atStart);
  const sentences = Sentences.of(model.normalized, model.blocks);
  return { model, sentences, scripts: countScripts(model.prose), hits: facetHits(model.normalized, sentences, pack) };
}

/**
 * Keeps the analyses of a draft's chunks between lints, so that after an edit only the chunks the
 * edit touched are parsed and matched again. One cache per open draft; pass it as
 * `lint(text, { cache })`. It holds only the chunks of the last lint, and starts afresh when the
 * pack changes.
 */
export class LintCache {
  private pack: Pack | undefined;
  private first = new Map<string, ChunkAnalysis>();
  private rest = new Map<string, ChunkAnalysis>();

  /** @internal The analysis of a chunk, from the cache or made now. */
  analysis(text: string, atStart: boolean, pack: Pack, used: { first: Map<string, ChunkAnalysis>; rest: Map<string, ChunkAnalysis> }): ChunkAnalysis {
    if (pack !== this.pack) {
      this.pack = pack;
      this.first.clear();
      this.rest.clear();
    }
    const map = atStart ? this.first : this.rest;
    const analysis = map.get(text) ?? analyzeChunk(text, atStart, pack);
    (atStart ? used.first : used.rest).set(text, analysis);
    return analysis;
  }

  /** @internal Keeps only the chunks the last lint used. */
  keep(used: { first: Map<string, ChunkAnalysis>; rest: Map<string, ChunkAnalysis> }): void {
    this.first = used.first;
    this.rest = used.rest;
  }
}
