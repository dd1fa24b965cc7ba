import type { DraftDocument } from '../markdown/model';
import type { CompiledElement, Pack } from '../pack/compiled';
import type { CoverageReport, ElementCoverage, Evidence, FacetCoverage, GroupCoverage, Span } from '../types';
import type { Sentences } from './sentences';

/** Per-run choices that change how coverage is judged. */
export interface CoverageSettings {
  /** Element ids that are `off` (configuration or inline directives). */
  off: Set<string>;
  /** Per-element thresholds that replace the pack's `k`. */
  k: Map<string, number>;
  /** Passages kept as evidence per facet; the facet is judged on all of them. */
  maxEvidence: number;
  /**
   * The text of a sentence as evidence (see `passageText`), by sentence index; given by a caller
   * that keeps it between lints. Read from the document when absent.
   */
  passage?: (index: number) => string;
}

/**
 * Judges each element's status and the draft's score from the facets' hits, as `framework.md`
 * defines them: covered when at least k facets are, partial when at least one is.
 */
export function judgeCoverage(
  doc: DraftDocument,
  sentences: Sentences,
  pack: Pack,
  hits: number[][],
  settings: CoverageSettings,
): CoverageReport {
  // Loops rather than callbacks, here and in judgeElement: a callback is a new closure at every
  // lint, and V8 drops a closure's optimised code at each full collection once the closure is
  // gone, so an editor's lints kept compiling these again.
  const elements: ElementCoverage[] = [];
  let facetIndex = 0;
  for (const element of pack.elements) {
    elements.push(judgeElement(doc, sentences, element, hits, facetIndex, settings));
    facetIndex += element.facets.length;
  }
  let active = 0;
  let covered = 0;
  let partial = 0;
  for (const e of elements) {
    if (e.status === 'off') continue;
    active++;
    if (e.status === 'covered') covered++;
    else if (e.status === 'partial') partial++;
  }
  const score = active === 0 ? 1 : (covered + partial / 2) / active;
  const groups: GroupCoverage[] = [];
  for (const g of pack.groups) {
    const group: GroupCoverage = { id: g.id, title: g.title, covered: 0, partial: 0, missing: 0, total: 0 };
    for (const e of elements) {
      if (e.group !== g.id || e.status === 'off') continue;
      group.total++;
      if (e.status === 'covered') group.covered++;
      else if (e.status === 'partial') group.partial++;
      else group.missing++;
    }
    groups.push(group);
  }
  return { score: Math.round(score * 10000) / 10000, elements, groups };
}

/** One element's coverage; its facets' hits are `hits[first]` onwards, in facet order. */
function judgeElement(
  doc: DraftDocument,
  sentences: Sentences,
  element: CompiledElement,
  hits: number[][],
  first: number,
  settings: CoverageSettings,
): ElementCoverage {
  const k = settings.k.get(element.id) ?? element.k;
  const off = settings.off.has(element.id);
  const facets: FacetCoverage[] = [];
  let count = 0;
  for (let i = 0; i < element.facets.length; i++) {
    const facet = element.facets[i]!;
    const facetHits = hits[first + i]!;
    const evidence: Evidence[] = [];
    if (!off) {
      const kept = Math.min(facetHits.length, settings.maxEvidence);
      for (let h = 0; h < kept; h++) {
        const index = facetHits[h]!;
        evidence.push(evidenceOf(doc, sentences.span(index), settings.passage?.(index)));
      }
    }
    const covered = !off && facetHits.length > 0;
    if (covered) count++;
    facets.push({ id: facet.id, title: facet.title, covered, evidence });
  }
  const status = off ? 'off' : count >= k ? 'covered' : count > 0 ? 'partial' : 'missing';
  return { id: element.id, group: element.group, title: element.title, k, status, facets };
}

/** A passage as evidence: its exact range, and its prose with whitespace collapsed (`passageText`). */
export function evidenceOf(doc: DraftDocument, span: Span, text = passageText(doc.prose, span)): Evidence {
  return { span, range: doc.lines.rangeOf(span), text };
}

/** A passage's prose with whitespace collapsed, as evidence shows it. */
export function passageText(prose: string, span: Span): string {
  let start = span.start;
  let end = span.end;
  while (start < end && isSpace(prose.charCodeAt(start))) start++;
  while (end > start && isSpace(prose.charCodeAt(end - 1))) end--;
  // Most passages have nothing to collapse: looking first spares building a second string.
  for (let i = start; i < end; i++) {
    const c = prose.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || isSpace(prose.charCodeAt(i + 1))))
      return prose.slice(start, end).replace(SPACES, ' ');
  }
  return prose.slice(start, end);
}

const SPACES = /\s+/g;

/** Whether a UTF-16 unit is white space as `\s` (and `trim`) see it. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
