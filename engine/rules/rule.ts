import type { Sentences } from '../coverage/sentences';
import type { BlockKind, DraftDocument } from '../markdown/model';
import type { Lang, Pack } from '../pack/compiled';
import type { CoverageReport, Fix, MessageLanguage, Severity, Span } from '../types';

/** An option a configuration may give a drafting rule besides its severity. */
export type RuleOptionName = 'headings';

/** One id a drafting check reports under, with its default severity and the options it reads. */
export interface RuleSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly options?: readonly RuleOptionName[];
}

/** Per-rule options a configuration can set. */
export interface RuleOptions {
  severity?: Severity | 'off';
  /** For coverage elements: the number of facets that make the element covered. */
  k?: number;
  /** For the measure rules: heading patterns (regular expressions) of measures sections. */
  headings?: string[];
}

/**
 * One chunk of a draft as a rule's `scan` sees it: its text, prose and normalised text, its blocks
 * and sentences, all with offsets relative to the chunk's start. A chunk is a run of whole blocks,
 * so what a scan finds in it depends on its text alone.
 */
export interface ChunkView {
  /** The chunk's source text. */
  readonly text: string;
  /** The text with markup blanked, the same length (see `DraftDocument.prose`). */
  readonly prose: string;
  /** The prose normalised for matching (simplified Chinese, half-width), the same length. */
  readonly normalized: string;
  /** The chunk's blocks; `item` is the chunk's top-level list item a block is part of, or -1. */
  readonly blocks: readonly { kind: BlockKind; span: Span; item: number }[];
  readonly sentences: Sentences;
  /** The languages whose lexicons can match in the chunk. */
  readonly languages: readonly Lang[];
}

/**
 * What a scan finds: a place in the chunk and plain data about it. Marks hold spans and numbers,
 * never text: a rule reads the words of a mark from the draft when it reports, so a kept mark
 * holds no copy of an old version of the draft.
 */
export interface Mark {
  span: Span;
}

/** What a drafting check is given: the parsed draft, the pack, and where to report. */
export interface RuleContext {
  doc: DraftDocument;
  pack: Pack;
  coverage: CoverageReport;
  /** The language of messages and inserted text. */
  lang: MessageLanguage;
  /** The scripts the draft's prose has: no Chinese lexicon runs over a draft without Han. */
  scripts: ReadonlySet<Lang>;
  /** Whether an id of this check is on (not `off` in the options or the configuration). */
  isOn(id: string): boolean;
  /** The options the configuration gives an id of this check. */
  options(id: string): RuleOptions;
  /** Reports a finding under one of the check's ids; the message is already in `lang`. */
  report(finding: { ruleId: string; span: Span; message: string; fix?: Fix; parts?: string[] }): void;
  // `parts`: the ids of every rule the finding stands for at this place, its own first; those
  // switched off are dropped, and the finding goes under the first of the rest.
}

/** The marks a rule's `scan` found, with their spans in the draft, in document order. */
export interface Marks<M extends Mark> {
  /** Every mark of the draft. */
  all(): readonly M[];
  /** The marks that start inside `span`: only the chunks it covers are scanned. */
  within(span: Span): readonly M[];
}

/**
 * A drafting-quality check: a small module whose words come from the pack. `scan`, when given,
 * reads one chunk alone and returns its marks with chunk-relative spans; the engine keeps them with
 * the chunk, so an edit scans only the chunks it changed, and `check` gets them in the draft's
 * offsets.
 */
export interface DraftingRule<M extends Mark = Mark> {
  readonly ids: readonly RuleSpec[];
  scan?(chunk: ChunkView, pack: Pack): M[];
  check(ctx: RuleContext, marks: Marks<M>): void;
}

/** Fills `{name}` placeholders of a pack message with the values given. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
