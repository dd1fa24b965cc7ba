import { firstStartingAt, headingMatches } from '../anchors';
import type { Block, DraftDocument, Section } from '../markdown/model';
import type { Pack } from '../pack/compiled';
import { lexiconsIn } from '../pack/patterns';
import { ROLE_CUES, SECTION_KINDS, type PassageRole, type RoleCue, type SectionKind } from '../pack/schema';
import type { Span } from '../types';
import { languagesPresent } from './match';
import type { Sentences } from './sentences';

/** The bit of each cue in a sentence's cue mask (see `sentenceCues`). */
const CUE_BIT = Object.fromEntries(ROLE_CUES.map((cue, i) => [cue, 1 << i])) as Record<RoleCue, number>;

/** Set in a cue mask once the sentence's cues have been read, so that "no cue" differs from "not read". */
const READ = 1 << ROLE_CUES.length;

/**
 * Which of the pack's role cues a sentence has, as a mask of `CUE_BIT`s (with `READ`). Read only
 * for the sentences coverage asks about, and kept with their chunk: it depends on the sentence's
 * own words alone.
 */
export function sentenceCues(text: string, pack: Pack): number {
  let mask = READ;
  for (const lang of languagesPresent(text)) {
    const set = pack.roles.cues[lang];
    if (set) for (const cue of lexiconsIn(set, text)) mask |= CUE_BIT[cue as RoleCue];
  }
  return mask;
}

/** Which of the pack's actor lexicons a sentence names, as a mask (bit i: `pack.actorNames[i]`). */
export function sentenceActors(text: string, pack: Pack): number {
  let mask = 0;
  for (const lang of languagesPresent(text)) {
    const set = pack.actors[lang];
    if (set) for (const name of lexiconsIn(set, text)) mask |= 1 << pack.actorNames.indexOf(name);
  }
  return mask;
}

// The actors each heading text names, per pack: an editor lints after every edit a draft whose
// headings are nearly all as they were. Bounded: cleared if it ever grows large.
const headingActorCache = new WeakMap<Pack, Map<string, number>>();

function headingActors(text: string, pack: Pack): number {
  let known = headingActorCache.get(pack);
  if (!known) headingActorCache.set(pack, (known = new Map()));
  let mask = known.get(text);
  if (mask === undefined) {
    if (known.size >= 4096) known.clear();
    known.set(text, (mask = sentenceActors(text, pack)));
  }
  return mask;
}

/** What a passage is and where it stands: a commitment in a measures section is the strongest evidence. */
export interface PassageReading {
  role: PassageRole;
  /** In a section of measures or objectives (主要任务, "Key actions", 发展目标 …). */
  inMeasures: boolean;
  /** The actors the sentence names, with those its list's lead-in names (see `sentenceActors`). */
  actors: number;
  /** The actors the heading of its own section names ("Joint actions of SMEs"). */
  headingActors: number;
}

/** A section's kind as its heading or its nearest ancestor's says; `measures` for measures and objectives. */
export type SectionContext = SectionKind | 'measures' | 'none';
type Context = SectionContext;

/**
 * The kind of each section of a draft, by its heading or its nearest ancestor's: a section of
 * measures or objectives, or one whose passages take a role from it (background, principles,
 * definitions, penalties, closing provisions). Answers are kept for the draft's lint.
 */
export function sectionContexts(doc: DraftDocument, pack: Pack): (section: number) => SectionContext {
  const known = new Map<number, SectionContext>();
  const contextOf = (section: number): SectionContext => {
    const kept = known.get(section);
    if (kept !== undefined) return kept;
    const s: Section | undefined = doc.sections[section];
    let context: SectionContext = 'none';
    if (s?.heading) {
      const { drafting, roles } = pack;
      if (headingMatches(s, drafting.measureHeadings) || headingMatches(s, drafting.objectiveHeadings))
        context = 'measures';
      else context = SECTION_KINDS.find((kind) => headingMatches(s, roles.sections[kind])) ?? 'none';
    }
    const inherited = s && s.parent >= 0 ? contextOf(s.parent) : 'none';
    // A part of the measures named for its subject ("Priority 4: Archives and local history") is
    // still measures; only definitions, penalties or closing provisions there are not.
    if (context === 'none' || (inherited === 'measures' && (context === 'background' || context === 'principles')))
      context = inherited;
    known.set(section, context);
    return context;
  };
  return contextOf;
}

/**
 * Reads the role of the draft's sentences for one lint: the sentence's own cues first (a
 * definition, a prohibition, a deferral, a problem, a commitment), then what its place says (a
 * section of background, guiding principles, definitions or penalties; a block quote; a list or
 * enumeration whose lead-in prohibits, defines or commits; an item of a measures section, which is
 * a commitment written as an imperative or a noun phrase).
 */
export class RoleReader {
  constructor(
    private readonly doc: DraftDocument,
    private readonly sentences: Sentences,
    /** Each sentence's cue mask, by index in the draft (0 where it was not read). */
    private readonly cues: Uint16Array,
    /** Each sentence's actor mask, by index in the draft (read where its cues are). */
    private readonly actors: Uint32Array,
    private readonly pack: Pack,
  ) {}

  private readonly readings = new Map<number, PassageReading>();

  /** The role of sentence `index` and whether it stands in a measures section. */
  read(index: number): PassageReading {
    let reading = this.readings.get(index);
    if (!reading) this.readings.set(index, (reading = this.readAnew(index)));
    return reading;
  }

  private readAnew(index: number): PassageReading {
    const { role, inMeasures, lead, section } = this.roleOf(index);
    return {
      role,
      inMeasures,
      actors: (this.actors[index] ?? 0) | (lead >= 0 ? (this.actors[lead] ?? 0) : 0),
      headingActors: section >= 0 ? this.headingActorsOf(section) : 0,
    };
  }

  private readonly headingActorMasks = new Map<number, number>();

  /**
   * The actors a section's own heading names. Not its ancestors': the draft's title names the
   * cluster's industry, and would vouch for every passage.
   */
  private headingActorsOf(section: number): number {
    const known = this.headingActorMasks.get(section);
    if (known !== undefined) return known;
    const heading = this.doc.sections[section]?.heading;
    const mask = heading && heading.level > 1 ? headingActors(heading.normalized, this.pack) : 0;
    this.headingActorMasks.set(section, mask);
    return mask;
  }

  private roleOf(index: number): { role: PassageRole; inMeasures: boolean; lead: number; section: number } {
    const span = this.sentences.span(index);
    const blockIndex = blockAt(this.doc.blocks, span.start);
    const block = this.doc.blocks[blockIndex];
    const context = block ? this.contextOf(block.section) : 'none';
    const inMeasures = context === 'measures';
    const lead = block ? this.leadInOf(blockIndex) : -1;
    const as = (role: PassageRole) => ({ role, inMeasures, lead, section: block ? block.section : -1 });
    const cues = this.cues[index] ?? 0;
    const own = roleFromCues(cues);
    if (own && own !== 'commitment') return as(own);
    if (context === 'definitions') return as('definition');
    if (context === 'penalties' || context === 'closing') return as('prohibition');
    const led = lead >= 0 ? roleFromCues(this.cues[lead] ?? 0, true) : undefined;
    if (led && led !== 'commitment' && led !== 'statement') return as(led);
    if (context === 'principles') return as('formula');
    if (block?.quoted || context === 'background') return as('statement');
    if (own === 'commitment' || led === 'commitment') return as('commitment');
    // An item, row, article or paragraph of a measures section commits to what it names, however
    // it is written (an imperative, a noun phrase, a table row), unless it says it was done.
    // So does a sentence elsewhere that no cue, section or lead-in makes anything else: plans state
    // many of their measures as plain noun phrases and present-tense sentences.
    if (!(cues & CUE_BIT.past)) return as('commitment');
    return as('statement');
  }

  /**
   * The last sentence of the lead-in that introduces a block, when the block is part of a list or
   * a run of enumerated paragraphs after a block ending in a colon, in the same section; else -1.
   */
  private leadInOf(blockIndex: number): number {
    let lead = this.leads.get(blockIndex);
    if (lead === undefined) this.leads.set(blockIndex, (lead = this.findLeadIn(blockIndex)));
    return lead;
  }

  private readonly leads = new Map<number, number>();

  private findLeadIn(blockIndex: number): number {
    const blocks = this.doc.blocks;
    const block = blocks[blockIndex]!;
    let i = blockIndex - 1;
    if (block.item >= 0) {
      // Back over the blocks of the list's items to the block before the list.
      while (i >= 0 && blocks[i]!.item >= 0 && blockIndex - i < 200) i--;
    } else if (block.enumerated) {
      // Back over the enumerated paragraphs to the one that introduces them.
      while (i >= 0 && blocks[i]!.enumerated && !blocks[i]!.leadIn && blockIndex - i < 200) i--;
    } else return -1;
    const lead = blocks[i];
    if (!lead || !lead.leadIn || lead.section !== block.section || lead.kind === 'heading') return -1;
    return this.sentences.indexAt(lastNonSpace(this.doc, lead.span));
  }

  private contextOf(section: number): Context {
    this.contexts ??= sectionContexts(this.doc, this.pack);
    return this.contexts(section);
  }

  private contexts: ((section: number) => SectionContext) | undefined;
}

/**
 * The role a sentence's own cues give it, strongest first; undefined when no cue speaks. In a
 * sentence that both commits and prohibits ("政府应当履行承诺，不得违约"), the commitment is what the
 * facet's words are about, unless the sentence leads a list in (不得有下列行为：), where the
 * prohibition governs the items.
 */
export function roleFromCues(cues: number, leadIn = false): PassageRole | undefined {
  const commits = (cues & CUE_BIT.commitment) !== 0;
  if (cues & CUE_BIT.definition) return 'definition';
  if (cues & CUE_BIT.prohibition && (leadIn || !commits)) return 'prohibition';
  if (cues & CUE_BIT.exclusion) return 'exclusion';
  if (cues & CUE_BIT.formula) return 'formula';
  if (cues & CUE_BIT.problem && !commits && !(cues & CUE_BIT.action)) return 'problem';
  if (commits) return 'commitment';
  if (cues & CUE_BIT.past) return 'statement';
  if (cues & CUE_BIT.action) return 'commitment';
  return undefined;
}

/** The index of the block that holds `offset` (the last to start at or before it), or -1. */
function blockAt(blocks: readonly Block[], offset: number): number {
  const found = firstStartingAt(blocks, offset + 1) - 1;
  return found >= 0 && blocks[found]!.span.end >= offset ? found : -1;
}

/** The offset of the last character of a span that is not white space. */
function lastNonSpace(doc: DraftDocument, span: Span): number {
  let end = span.end - 1;
  while (end > span.start && /\s/.test(doc.source[end]!)) end--;
  return end;
}
