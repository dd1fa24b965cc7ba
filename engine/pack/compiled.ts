import type { Localized, RuleKind, Severity } from '../types';
import type { PaperCitation } from './schema';

/** The two lexicon languages. */
export type Lang = 'en' | 'zh';

/** Patterns that must all occur in one sentence (and within `near` characters, when given). */
export interface CoOccurrence {
  parts: RegExp[];
  near?: number;
}

/** A facet's lexicon in one language, compiled once at load time. */
export interface CompiledLexicon {
  /** Every single-pattern entry as one global alternation, so the text is scanned once. */
  any?: RegExp;
  all: CoOccurrence[];
}

/** A facet ready for matching. */
export interface CompiledFacet {
  id: string;
  title: Localized;
  template?: Localized;
  match: Partial<Record<Lang, CompiledLexicon>>;
  exclude: Partial<Record<Lang, RegExp>>;
  unless: Partial<Record<Lang, RegExp>>;
}

/** A coverage element ready for judging. */
export interface CompiledElement {
  id: string;
  group: string;
  title: Localized;
  k: number;
  severity: Severity;
  paper: PaperCitation;
  asks: Localized;
  template: Localized;
  headings: Partial<Record<Lang, RegExp>>;
  facets: CompiledFacet[];
}

/** A group of elements. */
export interface CompiledGroup {
  id: string;
  title: Localized;
  headings: Partial<Record<Lang, RegExp>>;
  paper?: PaperCitation;
}

/** Negation cues in one language. */
export interface CompiledNegation {
  before?: RegExp;
  after?: RegExp;
  window: number;
}

/** A part of a draft's structure and how its heading reads. */
export interface CompiledStructurePart {
  id: string;
  title: Localized;
  headings: Partial<Record<Lang, RegExp>>;
  template: Localized;
}

/** A preferred term. */
export interface CompiledTerm {
  find: RegExp;
  language: Lang;
  replace: string;
  why: Localized;
}

/** The drafting rules' lexicons, each compiled once. */
export interface CompiledDrafting {
  measureHeadings: Partial<Record<Lang, RegExp>>;
  objectiveHeadings: Partial<Record<Lang, RegExp>>;
  notMeasure: Partial<Record<Lang, RegExp>>;
  owner: Partial<Record<Lang, RegExp>>;
  vagueOwner: Partial<Record<Lang, RegExp>>;
  timeframe: Partial<Record<Lang, RegExp>>;
  indicator: Partial<Record<Lang, RegExp>>;
  vague: Partial<Record<Lang, RegExp>>;
  concrete: Partial<Record<Lang, RegExp>>;
  terminology: CompiledTerm[];
  structure: CompiledStructurePart[];
  measureFields: Partial<Record<Lang, { owner: string; timeframe: string; indicator: string }>>;
}

/** What every consumer (CLI `--list-rules`, SARIF, hovers, completions) needs to know of a rule. */
export interface RuleInfo {
  id: string;
  kind: RuleKind;
  severity: Severity;
  title: Localized;
  asks: Localized;
  paper?: PaperCitation;
  /** The group of a coverage element. */
  group?: string;
  /** The facets of a coverage element. */
  facets?: { id: string; title: Localized }[];
  /** The coverage threshold of a coverage element. */
  k?: number;
  /** A link to the rule's documentation, when the pack gives one. */
  docs?: string;
}

/** A loaded, validated and compiled rule pack (or several merged into one). */
export interface Pack {
  /** The ids of the packs merged into this one, built-in first. */
  ids: string[];
  title: Localized;
  groups: CompiledGroup[];
  elements: CompiledElement[];
  negation: Partial<Record<Lang, CompiledNegation>>;
  drafting: CompiledDrafting;
  /** Every rule, coverage elements first, in pack order. */
  rules: RuleInfo[];
}
