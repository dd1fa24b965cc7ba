import type { DraftDocument } from '../markdown/model';
import type { CompiledElement, CompiledFacet, Pack } from '../pack/compiled';
import type { CoverageReport, ElementCoverage, Evidence, FacetCoverage, GroupCoverage, Span } from '../types';
import type { PassageReading, RoleReader } from './roles';
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
  /** What each sentence is (a commitment, a problem, a definition …): only some roles cover a facet. */
  roles: RoleReader;
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
  // In a text about something else, a passage must name the cluster's firms itself, and not the
  // rivals the text is about (a school's course for firms is the school's business); and one such
  // passage alone is more often the framework's words put to the text's own subject than a measure.
  const focused = isFocused(hits, pack, settings.roles);
  const gate: Gate = focused
    ? { mustName: 0, mustNotName: 0, passages: 1 }
    : { mustName: pack.focus.actors, mustNotName: pack.focus.rivals, passages: pack.focus.corroborate };
  const elements: ElementCoverage[] = [];
  let facetIndex = 0;
  for (const element of pack.elements) {
    elements.push(judgeElement(doc, sentences, element, hits, facetIndex, settings, gate));
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
  const report: CoverageReport = { score: Math.round(score * 10000) / 10000, elements, groups };
  if (!focused) report.offTopic = true;
  return report;
}

/** One element's coverage; its facets' hits are `hits[first]` onwards, in facet order. */
function judgeElement(
  doc: DraftDocument,
  sentences: Sentences,
  element: CompiledElement,
  hits: number[][],
  first: number,
  settings: CoverageSettings,
  gate: Gate,
): ElementCoverage {
  const k = settings.k.get(element.id) ?? element.k;
  const off = settings.off.has(element.id);
  const facets: FacetCoverage[] = [];
  let count = 0;
  for (let i = 0; i < element.facets.length; i++) {
    const facet = element.facets[i]!;
    const evidence: Evidence[] = [];
    const counted = off ? NONE : countedHits(hits[first + i]!, facet, settings.roles, gate, settings.maxEvidence);
    for (const { index, reading } of counted.strongest) {
      const found = evidenceOf(doc, sentences.span(index), settings.passage?.(index));
      found.role = reading.role;
      if (reading.inMeasures) found.inMeasures = true;
      evidence.push(found);
    }
    const covered = counted.covered;
    if (covered) count++;
    facets.push({ id: facet.id, title: facet.title, covered, evidence });
  }
  const status = off ? 'off' : count >= k ? 'covered' : count > 0 ? 'partial' : 'missing';
  return { id: element.id, group: element.group, title: element.title, k, status, facets };
}

/**
 * What a passage must and must not name to count, as actor masks, and how many passages a facet
 * needs: nothing and one in a focused text.
 */
interface Gate {
  mustName: number;
  mustNotName: number;
  passages: number;
}

/**
 * Whether a text is about the pack's focus (the cluster's firms): at least `pack.focus.share` of
 * its commitments that match any facet name one of the focus actors, and its rivals (schools, in
 * a text on school–enterprise cooperation) are not named nearly as often (`rivalShare` of the
 * focus actors' count). Always true for a pack without a focus, and for a text with fewer than
 * `pack.focus.atLeast` such commitments.
 */
function isFocused(hits: readonly (readonly number[])[], pack: Pack, roles: RoleReader): boolean {
  const { actors, share, atLeast, rivals, rivalShare } = pack.focus;
  if (!actors || share <= 0) return true;
  let commitments = 0;
  let naming = 0;
  let namingRivals = 0;
  for (const index of focusSample(hits)) {
    const reading = roles.read(index);
    if (reading.role !== 'commitment') continue;
    commitments++;
    if (reading.actors & actors) naming++;
    if (reading.actors & rivals) namingRivals++;
  }
  if (commitments < Math.max(1, atLeast)) return true;
  return naming >= share * commitments && (!rivals || namingRivals < rivalShare * naming);
}

// How many of a draft's matching sentences its focus is judged on. Drafts of the length users
// write have fewer, so for them every one counts; a draft many times longer has many more, and
// reading them all at each keystroke would cost more than the rest of its lint.
const FOCUS_SAMPLE = 400;

/** The sentences that match any facet, each once, in draft order; evenly thinned past `FOCUS_SAMPLE`. */
function focusSample(hits: readonly (readonly number[])[]): Int32Array {
  let total = 0;
  for (const h of hits) total += h.length;
  const all = new Int32Array(total);
  let n = 0;
  for (const h of hits) for (const index of h) all[n++] = index;
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  if (distinct <= FOCUS_SAMPLE) return all.subarray(0, distinct);
  const sample = new Int32Array(FOCUS_SAMPLE);
  for (let i = 0; i < FOCUS_SAMPLE; i++) sample[i] = all[Math.floor((i * distinct) / FOCUS_SAMPLE)]!;
  return sample;
}

/** What a facet's hits give: whether any counts for it, and the `most` strongest that do. */
interface Counted {
  covered: boolean;
  strongest: { index: number; reading: PassageReading }[];
}

const NONE: Counted = { covered: false, strongest: [] };

/**
 * Whether enough hits of a facet count for it (their role is one the facet counts; one hit, or
 * `gate.passages`), and the first `most` that do, strongest first: commitments in a measures
 * section, then other commitments, then the rest; in draft order within each. Once enough of the
 * strongest kind are found, the later hits cannot change the answer, so they are not read: in a
 * long draft a facet may have thousands.
 */
function countedHits(
  hits: readonly number[],
  facet: CompiledFacet,
  roles: RoleReader,
  gate: Gate,
  most: number,
): Counted {
  const counted: { index: number; reading: PassageReading; rank: number }[] = [];
  const { need, not, unlessAlso } = facet.actors;
  let strongest = 0;
  const enough = Math.max(1, most, gate.passages);
  for (const index of hits) {
    if (strongest >= enough) break;
    const reading = roles.read(index);
    if (!facet.counts.has(reading.role)) continue;
    // About the right actor or object: one the facet needs, and not only one it rules out.
    if (need && !((reading.actors | reading.headingActors) & need)) continue;
    if (reading.actors & not && !(reading.actors & unlessAlso)) continue;
    if (gate.mustName && !(reading.actors & gate.mustName)) continue;
    if (reading.actors & gate.mustNotName) continue;
    const rank = reading.role === 'commitment' ? (reading.inMeasures ? 0 : 1) : 2;
    if (rank === 0) strongest++;
    counted.push({ index, reading, rank });
  }
  // Too few passages give no evidence: the hover and the report show evidence for what covers.
  if (counted.length < gate.passages) return NONE;
  counted.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { covered: true, strongest: counted.slice(0, most) };
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
