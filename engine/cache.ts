import { facetHits, languagesPresent } from './coverage/match';
import { sentenceActors, sentenceCues } from './coverage/roles';
import { Sentences } from './coverage/sentences';
import { countScripts } from './language';
import { chunksOf, EDITOR_MIN_CHUNK, splitChunks } from './markdown/chunks';
import { parseChunk, type ChunkModel } from './markdown/parse';
import type { Lang, Pack } from './pack/compiled';

/**
 * A chunk's parse without its source text: the draft holds the text, and a chunk that kept a slice
 * of it would keep every old version of an edited draft alive. An editor's cache keeps neither the
 * chunk's prose nor its normalised text between lints (read them with `chunkProse` and
 * `chunkNormalized`): see `LintCache.settle`.
 */
export type ChunkParse = Omit<ChunkModel, 'text' | 'prose' | 'normalized'> & { prose?: string; normalized?: string };

/** Everything the engine derives from one chunk alone; reusable while the chunk's text is unchanged. */
export interface ChunkAnalysis {
  model: ChunkParse;
  /** The chunk's length in the draft. */
  length: number;
  /** The languages whose lexicons can match in it (`languagesPresent` of its normalised text). */
  languages: readonly Lang[];
  sentences: Sentences;
  scripts: { han: number; latinWords: number };
  /**
   * Facet hits as pairs, facet then chunk-relative sentence index, by facet in pack order and then
   * by sentence. Flat, because a chunk has hits for few of the pack's facets: an array per facet
   * made ~45 arrays per chunk, most of them empty.
   */
  hits: number[];
  /**
   * The role cues of the sentences coverage may ask about (those with facet hits, and those that
   * end a lead-in), by chunk-relative sentence index; 0 for the others (see `sentenceCues`).
   */
  cues: Uint16Array;
  /** The actors the same sentences name (see `sentenceActors`); 0 for the others. */
  actors: Uint32Array;
  /**
   * What drafting rules and evidence found in this chunk alone, by a key of their choosing
   * (see `chunkMemo`); kept as long as the analysis is, so an unchanged chunk is not checked again.
   */
  memo: Map<string, unknown>;
}

/** A chunk's analysis and the offset where the chunk starts in the draft. */
export interface PlacedAnalysis {
  offset: number;
  analysis: ChunkAnalysis;
}

/**
 * A copy of a string that keeps nothing else alive. V8 represents a slice of 13 or more characters
 * as a view into its parent, so a heading's text or a comment's body kept with a chunk would keep
 * the whole draft of its version, and a passage or phrase the whole prose it was read from.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Analyses one chunk: parse, sentences, script counts and facet hits. `saturated` marks facets
 * (by index in pack order) whose hits are not wanted: see `facetHits`.
 */
export function analyzeChunk(text: string, atStart: boolean, pack: Pack): ChunkAnalysis {
  const { text: _text, ...model } = parseChunk(text, atStart);
  for (const block of model.blocks) {
    if (!block.heading) continue;
    block.heading.text = detached(block.heading.text);
    block.heading.normalized = detached(block.heading.normalized);
  }
  for (const comment of model.comments) comment.body = detached(comment.body);
  const sentences = Sentences.of(model.normalized, model.blocks);
  const languages = languagesPresent(model.normalized);
  const hits = facetHits(model.normalized, sentences, pack, languages);
  return {
    model,
    length: text.length,
    languages,
    sentences,
    scripts: countScripts(model.prose),
    hits,
    ...readSentences(model, sentences, hits, pack),
    memo: new Map(),
  };
}

/** The role cues and actors of the sentences with facet hits and of those that end a lead-in block. */
function readSentences(
  model: ChunkParse & { normalized: string },
  sentences: Sentences,
  hits: number[],
  pack: Pack,
): { cues: Uint16Array; actors: Uint32Array } {
  const cues = new Uint16Array(sentences.count);
  const actors = new Uint32Array(sentences.count);
  const read = (index: number): void => {
    if (index < 0 || cues[index]) return;
    const text = model.normalized.slice(sentences.start(index), sentences.end(index));
    cues[index] = sentenceCues(text, pack);
    actors[index] = sentenceActors(text, pack);
  };
  for (let i = 1; i < hits.length; i += 2) read(hits[i]!);
  for (const block of model.blocks) {
    if (!block.leadIn) continue;
    let end = block.span.end - 1;
    while (end > block.span.start && /\s/.test(model.normalized[end]!)) end--;
    read(sentences.indexAt(end));
  }
  return { cues, actors };
}

/**
 * A chunk's prose. A cached chunk drops its prose after the lint that parsed it; the few checks that
 * need it later (an evidence passage that becomes one of the first ten) parse the chunk again.
 */
export function chunkProse(analysis: ChunkAnalysis, source: string, offset: number): string {
  return analysis.model.prose ?? reparse(analysis, source, offset).prose;
}

/**
 * A chunk's normalised text. A cached chunk drops it after the lint that parsed it, as it does its
 * prose: the checks that read it keep what they found in the chunk's memo, so an unchanged chunk
 * is parsed again only when a check it has not met yet asks (a rule switched on, say).
 */
export function chunkNormalized(analysis: ChunkAnalysis, source: string, offset: number): string {
  return analysis.model.normalized ?? reparse(analysis, source, offset).normalized;
}

function reparse(analysis: ChunkAnalysis, source: string, offset: number): { prose: string; normalized: string } {
  const { prose, normalized } = parseChunk(source.slice(offset, offset + analysis.length), offset === 0);
  analysis.model.prose = prose;
  analysis.model.normalized = normalized;
  return { prose, normalized };
}

/**
 * What a chunk-local check found, computed once per chunk analysis: a rule that judges sentences,
 * blocks or units which never cross a chunk asks here, and an edit re-runs it only on the chunks
 * the edit changed. `key` names the check; `compute` receives the chunk's analysis.
 */
export function chunkMemo<T>(analysis: ChunkAnalysis, key: string, compute: (analysis: ChunkAnalysis) => T): T {
  if (analysis.memo.has(key)) return analysis.memo.get(key) as T;
  const value = compute(analysis);
  analysis.memo.set(key, value);
  return value;
}

/**
 * Keeps the analyses of a draft's chunks between lints, so that after an edit only the chunks the
 * edit touched are parsed and matched again. One cache per open draft; pass it as
 * `lint(text, { cache })`. It holds the last lint's source and chunks, and starts afresh when the
 * pack changes.
 */
export class LintCache {
  private pack: Pack | undefined;
  private source: string | undefined;
  private chunks: PlacedAnalysis[] = [];

  /**
   * @internal The chunks of `source` with their analyses: the same chunks `chunksOf` cuts with
   * `EDITOR_MIN_CHUNK`, found without cutting the whole draft again. Chunks before and after the
   * edit are compared with the last source in place (no hashing of their text), and only the
   * edited stretch is cut anew.
   */
  analyses(source: string, pack: Pack): PlacedAnalysis[] {
    const old = this.chunks;
    const oldSource = this.source;
    let placed: PlacedAnalysis[];
    if (pack !== this.pack || oldSource === undefined) {
      placed = chunksOf(source, EDITOR_MIN_CHUNK).map(({ offset, text }) => ({
        offset,
        analysis: analyzeChunk(text, offset === 0, pack),
      }));
    } else if (oldSource === source) {
      placed = old;
    } else {
      placed = reanalyze(oldSource, old, source, pack);
    }
    this.pack = pack;
    this.source = source;
    this.chunks = placed;
    return placed;
  }

  /**
   * @internal Called once a lint is done with its chunks. What an open draft keeps between lints is
   * its source and what the chunks' checks kept in their memos, not the chunks' prose or normalised
   * text: each is a second copy of the draft, and an edit reads them only for the chunks it changed
   * (docs/performance.md has what this saves).
   */
  settle(): void {
    for (const { analysis } of this.chunks) {
      analysis.model.prose = undefined;
      analysis.model.normalized = undefined;
    }
  }
}

/** Whether the old chunk's text stands in the new source at `offset`. */
function sameText(oldSource: string, chunk: PlacedAnalysis, source: string, offset: number): boolean {
  const { length } = chunk.analysis;
  if (offset < 0 || offset + length > source.length) return false;
  // Comparing two slices compares their characters in bulk; `startsWith` is many times slower.
  return source.slice(offset, offset + length) === oldSource.slice(chunk.offset, chunk.offset + length);
}

/**
 * The chunks of an edited source. `splitChunks` scans forward, and what it decides at a chunk start
 * depends only on the text before it and the start's own line; after a chunk start its state is
 * that of a fresh scan. So the unchanged chunks before the edit stand as they were; the stretch
 * from the last of them is cut alone; and once that cut reaches a chunk start the old cut also had
 * (shifted by the edit's length), every later start is the old one shifted.
 */
function reanalyze(oldSource: string, old: PlacedAnalysis[], source: string, pack: Pack): PlacedAnalysis[] {
  const delta = source.length - oldSource.length;
  let prefix = 0;
  while (prefix < old.length && sameText(oldSource, old[prefix]!, source, old[prefix]!.offset)) prefix++;
  if (prefix === old.length && oldSource.length === source.length) return old;
  let suffix = 0;
  while (suffix < old.length - prefix) {
    const chunk = old[old.length - 1 - suffix]!;
    if (chunk.offset + delta < (prefix ? old[prefix - 1]!.offset + old[prefix - 1]!.analysis.length : 0)) break;
    if (!sameText(oldSource, chunk, source, chunk.offset + delta)) break;
    suffix++;
  }
  // Cut from the last unchanged chunk before the edit (its first line is unchanged, so it still
  // starts a chunk), through the first unchanged chunk after it.
  const from = prefix > 0 ? prefix - 1 : 0;
  const windowStart = old[from]?.offset ?? 0;
  const firstAfter = suffix > 0 ? old.length - suffix : -1;
  const resync = firstAfter >= 0 ? old[firstAfter]!.offset + delta : -1;
  const windowEnd =
    firstAfter >= 0
      ? firstAfter + 1 < old.length
        ? old[firstAfter + 1]!.offset + delta
        : source.length
      : source.length;
  let starts = shifted(splitChunks(source.slice(windowStart, windowEnd), EDITOR_MIN_CHUNK), windowStart);
  // The first old chunk reused, shifted, after the window; -1 when the window runs to the end.
  let tailFrom = -1;
  const at = resync >= 0 ? starts.indexOf(resync) : -1;
  if (at >= 0) {
    starts.length = at;
    tailFrom = firstAfter;
  } else if (windowEnd < source.length) {
    // The edit changed how the rest is cut (it opened a fence, say): cut the rest anew.
    starts = shifted(splitChunks(source.slice(windowStart), EDITOR_MIN_CHUNK), windowStart);
  }
  // Chunks of the window that an old chunk had exactly (the one before the edit, or one after it
  // that the edit only moved) keep their analyses.
  const reusable = new Map<number, PlacedAnalysis>();
  for (let i = from; i < (tailFrom >= 0 ? tailFrom : old.length); i++) reusable.set(old[i]!.offset, old[i]!);
  const windowEndOffset = tailFrom >= 0 ? old[tailFrom]!.offset + delta : source.length;
  const placed = old.slice(0, from);
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : windowEndOffset;
    const same =
      reusableAt(reusable.get(offset), oldSource, source, offset, end) ??
      reusableAt(reusable.get(offset - delta), oldSource, source, offset, end);
    placed.push({ offset, analysis: same ?? analyzeChunk(source.slice(offset, end), offset === 0, pack) });
  }
  if (tailFrom >= 0)
    for (let i = tailFrom; i < old.length; i++)
      placed.push({ offset: old[i]!.offset + delta, analysis: old[i]!.analysis });
  return placed;
}

/** Offsets moved by `by`, in a new array. */
function shifted(offsets: number[], by: number): number[] {
  const out: number[] = [];
  for (const o of offsets) out.push(o + by);
  return out;
}

/** An old chunk's analysis, if that chunk's text stands exactly from `offset` to `end` in the new source. */
function reusableAt(
  candidate: PlacedAnalysis | undefined,
  oldSource: string,
  source: string,
  offset: number,
  end: number,
): ChunkAnalysis | undefined {
  if (!candidate || candidate.analysis.length !== end - offset || (candidate.offset === 0) !== (offset === 0))
    return undefined;
  return sameText(oldSource, candidate, source, offset) ? candidate.analysis : undefined;
}
