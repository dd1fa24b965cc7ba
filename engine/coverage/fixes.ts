import {
  adaptTemplate,
  findSection,
  firstStartingAt,
  headingMatches,
  insertAt,
  lastBlockIn,
  lineEnding,
  newSectionLevel,
  titleSpan,
} from '../anchors';
import type { Block, DraftDocument, Section } from '../markdown/model';
import type { CompiledElement, Pack } from '../pack/compiled';
import { insertSection } from '../sectionNumbers';
import type { ElementCoverage, MessageLanguage, Span, TextEdit } from '../types';

/**
 * Where a drafter would look for an element: the heading of the section it belongs in (its own
 * headings, then its group's), or else the draft's title.
 */
export function elementAnchor(doc: DraftDocument, pack: Pack, element: CompiledElement): Span {
  const own = findSection(doc, element.headings);
  if (own?.heading) return own.heading.span;
  const group = pack.groups.find((g) => g.id === element.group);
  const groupSection = group ? findSection(doc, group.headings) : undefined;
  if (groupSection?.heading) return groupSection.heading.span;
  return titleSpan(doc);
}

/**
 * The edits that insert a missing element's template section: at the end of the section where it
 * belongs (its own heading), else at the end of the measures section (a missing element needs
 * measures, not a paragraph in the background), else at the end of its group's section, else
 * before the implementation section, else at the end of the draft. The section is numbered like
 * the draft's own parts at that level (（三）, "## 4.", 四、), and those after it move on by one.
 */
export function insertElementTemplate(
  doc: DraftDocument,
  pack: Pack,
  element: CompiledElement,
  lang: MessageLanguage,
): TextEdit[] {
  const eol = lineEnding(doc);
  const group = pack.groups.find((g) => g.id === element.group);
  const host =
    findSection(doc, element.headings) ??
    findSection(doc, pack.drafting.measureHeadings) ??
    (group ? findSection(doc, group.headings) : undefined);
  if (host) {
    const level = Math.min(6, host.level + 1);
    const template = adaptTemplate(element.template[lang], level, eol);
    const children = host.children.map((i) => doc.sections[i]!).filter((s) => s.level === level);
    return insertSection(doc, children, host, host.span.end, template);
  }
  const implementation = pack.drafting.structure.find((p) => p.id === 'implementation');
  const before = implementation ? findSection(doc, implementation.headings) : undefined;
  if (before) {
    const siblings = doc.sections.filter((s) => s.heading && s.level === before.level && s.parent === before.parent);
    const template = adaptTemplate(element.template[lang], before.level, eol);
    return insertSection(doc, siblings, doc.sections[before.parent], before.span.start, template);
  }
  const level = newSectionLevel(doc);
  const siblings = doc.sections.filter((s) => s.heading && s.level === level);
  return insertSection(doc, siblings, undefined, doc.source.length, adaptTemplate(element.template[lang], level, eol));
}

/**
 * The edits that add lines for some of an element's missing facets, as list items after the last
 * passage of the section where the element's evidence already is (or where the element belongs):
 * of its own text, before its subsections (see `lastBlockIn`). Evidence only in the draft's
 * opening text (before its first heading, or under its title) says where the element is mentioned,
 * not where measures go: the lines go to the element's own section or the measures section then,
 * else at the end of the draft. Returns undefined when none of the facets has a template.
 */
export function insertFacetLines(
  doc: DraftDocument,
  pack: Pack,
  element: CompiledElement,
  coverage: ElementCoverage,
  facetIds: string[],
  lang: MessageLanguage,
): TextEdit[] | undefined {
  const eol = lineEnding(doc);
  // Built in a loop, not by map, filter and join: see `titleList` in findings.ts.
  let bullets = '';
  for (const id of facetIds) {
    const line = element.facets.find((f) => f.id === id)?.template?.[lang];
    if (line) bullets += (bullets ? eol : '') + `- ${line.trim()}`;
  }
  if (!bullets) return undefined;
  const evidence = evidenceSection(doc, coverage);
  let last: Block | undefined;
  if (evidence && !holdsWholeDraft(doc, evidence)) last = lastBlockIn(doc, evidence);
  else {
    const host =
      findSection(doc, element.headings) ?? (evidence ? findSection(doc, pack.drafting.measureHeadings) : undefined);
    last = host ? lastBlockIn(doc, host) : evidence ? lastProseBlock(doc) : undefined;
  }
  if (!last) return insertElementTemplate(doc, pack, element, lang);
  const inList = last.item >= 0;
  return [insertAt(doc, last.span.end, (inList ? eol : eol + eol) + bullets)];
}

/** The root section, or the draft's title: the only level-1 section, running to the draft's end. */
function holdsWholeDraft(doc: DraftDocument, section: Section): boolean {
  if (section.index === 0) return true;
  if (section.level !== 1 || section.span.end !== doc.source.length) return false;
  for (const other of doc.sections) if (other !== section && other.level === 1) return false;
  return true;
}

/** The draft's last block that is not a heading. */
function lastProseBlock(doc: DraftDocument): Block | undefined {
  for (let i = doc.blocks.length - 1; i >= 0; i--) if (doc.blocks[i]!.kind !== 'heading') return doc.blocks[i];
  return undefined;
}

function evidenceSection(doc: DraftDocument, coverage: ElementCoverage): Section | undefined {
  let last = -1;
  for (const facet of coverage.facets) for (const e of facet.evidence) last = Math.max(last, e.span.start);
  if (last < 0) return undefined;
  // The last block that starts at or before the passage: blocks are in order and never overlap.
  const block = doc.blocks[firstStartingAt(doc.blocks, last + 1) - 1];
  return block && block.span.start <= last && last < block.span.end ? doc.sections[block.section] : undefined;
}

/** True when a section heading is about this element (used by hovers and code lenses too). */
export function isElementHeading(section: Section, element: CompiledElement): boolean {
  return headingMatches(section, element.headings);
}
