import type { DraftDocument } from '../markdown/model';
import type { CompiledElement, CompiledFacet, Lang, Pack } from '../pack/compiled';
import type { CoverageReport, ElementCoverage, Evidence, FacetCoverage, GroupCoverage, Span } from '../types';
import { clauseAround, type Sentences } from './sentences';

/** Per-run choices that change how coverage is judged. */
export interface CoverageSettings {
  /** Element ids that are `off` (configuration or inline directives). */
  off: Set<string>;
  /** Per-element thresholds that replace the pack's `k`. */
  k: Map<string, number>;
  /** Passages kept as evidence per facet; the facet is judged on all of them. */
  maxEvidence: number;
}

/**
 * The sentences that satisfy each facet of a pack, by facet in pack order (elements, then their
 * facets), as sorted sentence indices. Matching is local to sentences, so it runs per chunk and an
 * unchanged chunk's hits are reused.
 */
export function facetHits(text: string, sentences: Sentences, pack: Pack): number[][] {
  const langs = languagesPresent(text);
  const out: number[][] = [];
  for (const element of pack.elements) for (const facet of element.facets) out.push(langs.length ? hitsOf(text, sentences, pack, facet, langs) : []);
  return out;
}

/**
 * Judges each element's status and the draft's score from the facets' hits, as `framework.md`
 * defines them: covered when at least k facets are, partial when at least one is.
 */
export function judgeCoverage(doc: DraftDocument, sentences: Sentences, pack: Pack, hits: number[][], settings: CoverageSettings): CoverageReport {
  let facetIndex = 0;
  const elements = pack.elements.map((element) => {
    const report = judgeElement(doc, sentences, element, hits.slice(facetIndex, facetIndex + element.facets.length), settings);
    facetIndex += element.facets.length;
    return report;
  });
  const active = elements.filter((e) => e.status !== 'off');
  const covered = active.filter((e) => e.status === 'covered').length;
  const partial = active.filter((e) => e.status === 'partial').length;
  const score = active.length === 0 ? 1 : (covered + partial / 2) / active.length;
  const groups: GroupCoverage[] = pack.groups.map((g) => {
    const members = active.filter((e) => e.group === g.id);
    return {
      id: g.id,
      title: g.title,
      covered: members.filter((e) => e.status === 'covered').length,
      partial: members.filter((e) => e.status === 'partial').length,
      missing: members.filter((e) => e.status === 'missing').length,
      total: members.length,
    };
  });
  return { score: Math.round(score * 10000) / 10000, elements, groups };
}

/** Which lexicon languages can match at all: no Chinese lexicon runs over a text without Han. */
function languagesPresent(text: string): Lang[] {
  const langs: Lang[] = [];
  if (/[A-Za-z]/.test(text)) langs.push('en');
  if (/[\u3400-\u9fff]/.test(text)) langs.push('zh');
  return langs;
}

function judgeElement(doc: DraftDocument, sentences: Sentences, element: CompiledElement, hits: number[][], settings: CoverageSettings): ElementCoverage {
  const k = settings.k.get(element.id) ?? element.k;
  const off = settings.off.has(element.id);
  const facets: FacetCoverage[] = element.facets.map((facet, i) => {
    const evidence = off ? [] : hits[i]!.slice(0, settings.maxEvidence).map((index) => evidenceOf(doc, sentences.span(index)));
    return { id: facet.id, title: facet.title, covered: !off && hits[i]!.length > 0, evidence };
  });
  const count = facets.filter((f) => f.covered).length;
  const status = off ? 'off' : count >= k ? 'covered' : count > 0 ? 'partial' : 'missing';
  return { id: element.id, group: element.group, title: element.title, k, status, facets };
}

/** The sentences that satisfy one facet, in order. */
function hitsOf(text: string, sentences: Sentences, pack: Pack, facet: CompiledFacet, langs: Lang[]): number[] {
  const found = new Set<number>();
  for (const lang of langs) {
    const lexicon = facet.match[lang];
    if (!lexicon) continue;
    const excluded = facet.exclude[lang] ? spansOf(facet.exclude[lang]!, text) : [];
    const unless = facet.unless[lang];
    const negation = pack.negation[lang];
    const accept = (span: Span): void => {
      const index = sentences.indexAt(span.start);
      if (index < 0 || found.has(index)) return;
      if (excluded.length && overlapsAny(excluded, span)) return;
      const sentence = sentences.span(index);
      if (unless && unless.test(text.slice(sentence.start, sentence.end))) return;
      if (negation && isNegated(text, sentence, span, negation)) return;
      found.add(index);
    };
    if (lexicon.any) for (const span of spansOf(lexicon.any, text)) accept(span);
    for (const co of lexicon.all) {
      const [head, ...others] = co.parts;
      for (const span of spansOf(head!, text)) {
        const index = sentences.indexAt(span.start);
        if (index < 0 || found.has(index)) continue;
        const sentence = sentences.span(index);
        const window = co.near === undefined ? sentence : { start: Math.max(sentence.start, span.start - co.near), end: Math.min(sentence.end, span.end + co.near) };
        let joint: Span | undefined = span;
        for (const part of others) {
          const hit = firstIn(part, text, window);
          if (!hit) {
            joint = undefined;
            break;
          }
          joint = { start: Math.min(joint!.start, hit.start), end: Math.max(joint!.end, hit.end) };
        }
        if (joint) accept(joint);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Every match of a global pattern, as spans; empty matches are skipped so the scan ends. */
export function spansOf(re: RegExp, text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function firstIn(re: RegExp, text: string, window: Span): Span | undefined {
  re.lastIndex = window.start;
  for (let m = re.exec(text); m && m.index < window.end; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index + m[0].length <= window.end) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

function overlapsAny(sorted: Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid]!;
    if (s.end <= span.start) lo = mid + 1;
    else if (s.start >= span.end) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * A negation cue in the same clause, shortly before the match ("no new infrastructure", 暂不设立)
 * or after it ("… is not planned"), means the passage does not commit to the facet.
 */
function isNegated(text: string, sentence: Span, span: Span, negation: NonNullable<Pack['negation'][Lang]>): boolean {
  const clause = clauseAround(text, sentence, span);
  if (negation.before && negation.before.test(text.slice(Math.max(clause.start, span.start - negation.window), span.start))) return true;
  if (negation.after && negation.after.test(text.slice(span.end, Math.min(clause.end, span.end + negation.window * 2)))) return true;
  return false;
}

/** A passage as evidence: its exact range, and its prose with whitespace collapsed. */
export function evidenceOf(doc: DraftDocument, span: Span): Evidence {
  return {
    span,
    range: doc.lines.rangeOf(span),
    text: doc.prose.slice(span.start, span.end).replace(/[\s\u2028\u2029]+/g, ' ').trim(),
  };
}
