import {
  keyDigit,
  type Candidate,
  type CompiledFacet,
  type CoOccurrence,
  type KeyedPattern,
  type KeyEntry,
  type KeyTable,
  type Lang,
  type Pack,
} from '../pack/compiled';
import type { Span } from '../types';
import { clauseAround, type Sentences } from './sentences';

/**
 * The sentences that satisfy each facet of a pack, as pairs: facet index (in pack order: elements,
 * then their facets), sentence index; by facet, then by sentence. Matching is local to sentences,
 * so it runs per chunk and an unchanged chunk's hits are reused.
 */
export function facetHits(
  text: string,
  sentences: Sentences,
  pack: Pack,
  languages = languagesPresent(text),
): number[] {
  const facets = facetsOf(pack);
  // Only the facets that match get a set: a chunk matches few of the pack's facets.
  const found = new Map<number, Set<number>>();
  const hitsOf = (facet: number): Set<number> => {
    let set = found.get(facet);
    if (!set) found.set(facet, (set = new Set()));
    return set;
  };
  for (const lang of languages) {
    const table = pack.keyTable(lang);
    if (!table) continue;
    const { candidates, starts, ends } = candidateMatches(text, table, lang);
    // Look-alikes and the other parts of co-occurrences first: a facet's match is judged against
    // every look-alike of it in the text, a co-occurrence's head against its parts' matches.
    let lookAlikes: Map<number, Span[]> | undefined;
    let parts: Map<CoOccurrence, Span[][]> | undefined;
    for (let m = 0; m < candidates.length; m++) {
      const candidate = candidates[m]!;
      if (candidate.exclude) {
        lookAlikes ??= new Map();
        const span = { start: starts[m]!, end: ends[m]! };
        const spans = lookAlikes.get(candidate.facet);
        if (spans) spans.push(span);
        else lookAlikes.set(candidate.facet, [span]);
      } else if (candidate.part) {
        parts ??= new Map();
        const { co, index } = candidate.part;
        let spans = parts.get(co);
        if (!spans) parts.set(co, (spans = co.others.map(() => [])));
        spans[index]!.push({ start: starts[m]!, end: ends[m]! });
      }
    }
    for (let m = 0; m < candidates.length; m++) {
      const candidate = candidates[m]!;
      if (candidate.exclude || candidate.part) continue;
      const facet = facets[candidate.facet]!;
      const hits = hitsOf(candidate.facet);
      const start = starts[m]!;
      const end = ends[m]!;
      if (!candidate.co) {
        accept(text, sentences, pack, facet, lang, start, end, hits, lookAlikes?.get(candidate.facet));
        continue;
      }
      const joint = coOccurring(candidate.co, parts?.get(candidate.co), sentences, { start, end }, hits);
      if (joint)
        accept(text, sentences, pack, facet, lang, joint.start, joint.end, hits, lookAlikes?.get(candidate.facet));
    }
  }
  const pairs: number[] = [];
  for (const facet of [...found.keys()].sort((a, b) => a - b)) {
    for (const sentence of [...found.get(facet)!].sort((a, b) => a - b)) pairs.push(facet, sentence);
  }
  return pairs;
}

const flatFacets = new WeakMap<Pack, CompiledFacet[]>();

/**
 * A pack's facets in pack order (elements, then their facets): the index a facet has in facet
 * hits. Listed once per pack rather than once per chunk.
 */
export function facetsOf(pack: Pack): CompiledFacet[] {
  let facets = flatFacets.get(pack);
  if (!facets) flatFacets.set(pack, (facets = pack.elements.flatMap((e) => e.facets)));
  return facets;
}

/**
 * Which lexicon languages can match at all in a (normalised) text: no Chinese lexicon runs over a
 * text without Han, and no English one over a text without Latin letters.
 */
export function languagesPresent(text: string): readonly Lang[] {
  const en = /[A-Za-z]/.test(text);
  const zh = /[\u3400-\u9fff]/.test(text);
  // Shared lists: a chunk keeps its own (`ChunkAnalysis.languages`).
  return en ? (zh ? BOTH : EN) : zh ? ZH : NONE;
}

const BOTH: readonly Lang[] = ['en', 'zh'];
const EN: readonly Lang[] = ['en'];
const ZH: readonly Lang[] = ['zh'];
const NONE: readonly Lang[] = [];

/**
 * Matches found in a text, in parallel arrays (one entry per match): the candidate and its span.
 * Parallel arrays rather than an object per match, since a draft has hundreds of matches and most
 * are judged once and dropped.
 */
export interface Matches {
  candidates: Candidate[];
  starts: number[];
  ends: number[];
}

/**
 * Every match of the pack's facet patterns in a text, found in one walk: at each English word start
 * (or each Chinese character), the patterns filed under its key are tried there; patterns without
 * keys scan the text. Matches may overlap: each is judged on its own.
 */
export function candidateMatches(text: string, table: KeyTable, lang: Lang): Matches {
  const walk = new MatchWalk(text, table, lang);
  const { slots, lists } = table;
  if (lang === 'en') {
    for (let i = 0; i < text.length; i++) {
      const d1 = keyDigit(text.charCodeAt(i));
      if (!d1 || (i > 0 && keyDigit(text.charCodeAt(i - 1)))) continue;
      const slot = slots[wordKeyAt(text, i, d1)]!;
      if (slot) walk.tryAt(lists[slot]!, i);
    }
  } else {
    const { pairs, pairStarts, thirds } = table;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const slot = slots[c]!;
      if (slot) walk.tryAt(lists[slot]!, i);
      if (pairStarts[c]) {
        const pair = pairs.get((c << 16) | text.charCodeAt(i + 1));
        if (!pair) continue;
        if (lists[pair]!.length) walk.tryAt(lists[pair]!, i);
        const third = thirds.get(pair)?.get(text.charCodeAt(i + 2));
        if (third) walk.tryAt(lists[third]!, i);
      }
    }
  }
  for (const candidate of table.unkeyed) {
    // As `spansOf` scans, without a span object per match.
    const { scan } = candidate.pattern;
    scan!.lastIndex = 0;
    for (let m = scan!.exec(text); m; m = scan!.exec(text)) {
      if (m[0].length === 0) {
        scan!.lastIndex++;
        continue;
      }
      walk.add(candidate, m.index, m.index + m[0].length);
    }
  }
  return walk.found;
}

/**
 * One walk of `candidateMatches` over a text: the text, the key table and the matches found so
 * far, and the key of the word after the current one, read once per word.
 */
class MatchWalk {
  readonly found: Matches = { candidates: [], starts: [], ends: [] };
  /** The key of the word after the one at the current position, found once per word and only when a pattern asks. */
  private nextKey = -1;

  constructor(
    private readonly text: string,
    private readonly table: KeyTable,
    private readonly lang: Lang,
  ) {}

  add(candidate: Candidate, start: number, end: number): void {
    this.found.candidates.push(candidate);
    this.found.starts.push(start);
    this.found.ends.push(end);
  }

  /** Tries, at `at`, every pattern filed under the entries of the key found there. */
  tryAt(entries: KeyEntry[], at: number): void {
    const { text, lang } = this;
    this.nextKey = -1;
    for (const { prefix, free, byFollower } of entries) {
      if (!startsWithAt(text, at, prefix, lang)) continue;
      // Where a literal pattern's prefix stands, it is the match (English: if the word ends there).
      const wordEnds = lang === 'zh' || !keyDigit(text.charCodeAt(at + prefix.length));
      for (const candidate of free) {
        if (!candidate.pattern.literal) this.run(candidate, at);
        else if (wordEnds) this.add(candidate, at, at + prefix.length);
      }
      if (byFollower) {
        if (this.nextKey < 0) this.nextKey = followingWordKey(text, at);
        const allowed = byFollower.get(this.nextKey);
        if (allowed) for (const candidate of allowed) this.run(candidate, at);
      }
    }
  }

  /** Runs a pattern that is not a literal at `at`. */
  private run(candidate: Candidate, at: number): void {
    const { sticky, gap } = candidate.pattern;
    if (gap && !gapHolds(this.text, at, gap, this.table.gapChars)) return;
    sticky.lastIndex = at;
    // `test` builds no match array: a sticky expression's `lastIndex` is where its match ends.
    if (sticky.test(this.text) && sticky.lastIndex > at) this.add(candidate, at, sticky.lastIndex);
  }
}

/**
 * The key number of the word after the word at `at`, past the characters that are not letters or
 * digits between them; 0 when no word follows.
 */
function followingWordKey(text: string, at: number): number {
  let j = at;
  while (j < text.length && keyDigit(text.charCodeAt(j))) j++;
  while (j < text.length && !keyDigit(text.charCodeAt(j))) j++;
  return j < text.length ? wordKeyAt(text, j, keyDigit(text.charCodeAt(j))) : 0;
}

/**
 * The key number (`wordKeyNumber`) of the word starting at `at`, whose first digit `d1` the
 * caller has already read.
 */
function wordKeyAt(text: string, at: number, d1: number): number {
  const d2 = keyDigit(text.charCodeAt(at + 1));
  const d3 = d2 ? keyDigit(text.charCodeAt(at + 2)) : 0;
  return (d1 * 37 + d2) * 37 + d3;
}

/** Whether one of a gap pattern's characters stands close enough after `at` for a match. */
function gapHolds(text: string, at: number, gap: NonNullable<KeyedPattern['gap']>, anyGapChar: Uint8Array): boolean {
  const end = Math.min(text.length, at + gap.within + 1);
  const { chars } = gap;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!anyGapChar[c]) continue;
    for (let k = 0; k < chars.length; k++) if (chars[k] === c) return true;
  }
  return false;
}

/** Whether `prefix` stands at `at`; English compares letters case-insensitively. */
function startsWithAt(text: string, at: number, prefix: string, lang: Lang): boolean {
  if (lang === 'zh') return text.startsWith(prefix, at);
  for (let k = 0; k < prefix.length; k++) {
    let c = text.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A co-occurrence's joint span: the head's match and a match of each other part inside the head's
 * sentence (and within `near` characters of the head, when given).
 */
function coOccurring(
  co: CoOccurrence,
  parts: Span[][] | undefined,
  sentences: Sentences,
  span: Span,
  hits: Set<number>,
): Span | undefined {
  if (!parts) return undefined;
  const at = sentences.indexAt(span.start);
  if (at < 0 || hits.has(at)) return undefined;
  const sentence = sentences.span(at);
  const window =
    co.near === undefined
      ? sentence
      : { start: Math.max(sentence.start, span.start - co.near), end: Math.min(sentence.end, span.end + co.near) };
  let joint = span;
  for (const spans of parts) {
    const hit = spans.find((s) => s.start >= window.start && s.end <= window.end);
    if (!hit) return undefined;
    joint = { start: Math.min(joint.start, hit.start), end: Math.max(joint.end, hit.end) };
  }
  return joint;
}

/**
 * Records a match's sentence as a hit of its facet unless a look-alike overlaps it, the sentence
 * names what makes the facet not apply (`unless`), or the match is negated in its clause.
 */
function accept(
  text: string,
  sentences: Sentences,
  pack: Pack,
  facet: CompiledFacet,
  lang: Lang,
  start: number,
  end: number,
  hits: Set<number>,
  lookAlikes: Span[] | undefined,
): void {
  const index = sentences.indexAt(start);
  if (index < 0 || hits.has(index)) return;
  if (lookAlikes?.some((l) => l.start < end && l.end > start)) return;
  const sentence = sentences.span(index);
  if (inTitleMarks(text, sentence, start, end)) return;
  const unless = facet.unless[lang];
  if (unless && unless.test(text.slice(sentence.start, sentence.end))) return;
  const negation = pack.negation[lang];
  if (negation && isNegated(text, sentence, start, end, negation)) return;
  hits.add(index);
}

/**
 * Whether a match stands inside Chinese title marks, 《…》 or 〈…〉: the title of a law, a plan or
 * a book names a subject, it commits to nothing (framework.md: "a mention, not a measure").
 */
function inTitleMarks(text: string, sentence: Span, start: number, end: number): boolean {
  for (let i = start - 1; i >= sentence.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x300b || c === 0x3009) return false; // 》〉: a title closed before the match
    if (c === 0x300a || c === 0x3008) {
      for (let j = end; j < sentence.end; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x300b || d === 0x3009) return true;
        if (d === 0x300a || d === 0x3008) return false;
      }
      return false;
    }
  }
  return false;
}

/**
 * A negation cue in the same clause, shortly before the match ("no new infrastructure", 暂不设立)
 * or after it ("… is not planned"), means the passage does not commit to the facet.
 */
function isNegated(
  text: string,
  sentence: Span,
  start: number,
  end: number,
  negation: NonNullable<Pack['negation'][Lang]>,
): boolean {
  const clause = clauseAround(text, sentence, { start, end });
  if (negation.before && negation.before.test(text.slice(Math.max(clause.start, start - negation.window), start)))
    return true;
  if (negation.after && negation.after.test(text.slice(end, Math.min(clause.end, end + negation.window * 2))))
    return true;
  return false;
}
